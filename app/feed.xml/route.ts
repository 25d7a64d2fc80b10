import { getPublicBaseUrl } from '@/server/services/public-site';
import { getPublicCaller } from '@/server/trpc/server-caller';

export const dynamic = 'force-dynamic';

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** RSS 2.0: every publication and every correction, newest first. */
export async function GET() {
  const caller = await getPublicCaller();
  const [items, methodology] = await Promise.all([caller.public.feed(), caller.public.methodology()]);
  const base = getPublicBaseUrl();
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(`${methodology.organisation.name}: fact-checks`)}</title>
<link>${escapeXml(`${base}/fact-checks`)}</link>
<atom:link href="${escapeXml(`${base}/feed.xml`)}" rel="self" type="application/rss+xml"/>
<description>Published fact-checks and corrections.</description>
<language>en</language>
${items
  .map(
    (item) => `<item>
<title>${escapeXml(item.title)}</title>
<link>${escapeXml(`${base}/fact-checks/${item.slug}`)}</link>
<guid isPermaLink="false">${escapeXml(item.guid)}</guid>
<pubDate>${item.publishedAt.toUTCString()}</pubDate>
<category>${item.isCorrection ? 'Correction' : 'Fact-check'}</category>
<description>${escapeXml(item.description)}</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
  return new Response(body, {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=60' },
  });
}
