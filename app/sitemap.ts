import type { MetadataRoute } from 'next';
import { getPublicBaseUrl } from '@/server/services/public-site';
import { getPublicCaller } from '@/server/trpc/server-caller';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const caller = await getPublicCaller();
  const base = getPublicBaseUrl();
  const entries: MetadataRoute.Sitemap = [
    { url: `${base}/fact-checks`, changeFrequency: 'daily' },
    { url: `${base}/methodology`, changeFrequency: 'monthly' },
  ];
  for (let page = 1; page <= 500; page += 1) {
    const result = await caller.public.factChecks({ page });
    for (const item of result.items) {
      entries.push({ url: `${base}/fact-checks/${item.slug}`, lastModified: item.publishedAt ?? undefined });
    }
    if (page >= result.pageCount) break;
  }
  for (let page = 1; page <= 500; page += 1) {
    const result = await caller.public.articles({ page });
    for (const article of result.items) entries.push({ url: `${base}/articles/${article.slug}`, lastModified: article.updatedAt });
    if (!result.hasMore) break;
  }
  return entries;
}
