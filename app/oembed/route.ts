import { getPublicBaseUrl } from '@/server/services/public-site';
import { getPublicCaller } from '@/server/trpc/server-caller';

export const dynamic = 'force-dynamic';

const notFound = () => Response.json({ error: 'No fact-check at that address on this site.' }, { status: 404 });

/** oEmbed (rich): an iframe of the verdict card, for fact-check URLs on this site only. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const format = params.get('format') ?? 'json';
  if (format !== 'json') return Response.json({ error: 'Only format=json is supported.' }, { status: 501 });
  const base = new URL(getPublicBaseUrl());
  let target: URL;
  try {
    target = new URL(params.get('url') ?? '');
  } catch {
    return notFound();
  }
  const match = /^\/fact-checks\/([a-z0-9-]+)\/?$/.exec(target.pathname);
  if (target.origin !== base.origin || !match) return notFound();
  const caller = await getPublicCaller();
  let factCheck;
  try {
    factCheck = await caller.public.factCheck({ slug: match[1]! });
  } catch {
    return notFound();
  }
  const width = Math.min(Number(params.get('maxwidth')) || 480, 800);
  const height = 220;
  const src = `${base.origin}/embed/${factCheck.slug}`;
  return Response.json({
    version: '1.0',
    type: 'rich',
    provider_name: factCheck.organisation.name,
    provider_url: factCheck.organisation.url,
    title: `${factCheck.rating.label}: ${factCheck.statement}`,
    width,
    height,
    html: `<iframe src="${src}" width="${width}" height="${height}" style="border:0" title="Fact-check: ${factCheck.rating.label.replace(/["<>&]/g, '')}" loading="lazy"></iframe>`,
    cache_age: 300,
  });
}
