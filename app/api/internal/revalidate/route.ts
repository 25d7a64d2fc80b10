import { z } from 'zod';
import { isRelayToken, PUBLIC_CACHE_RELAY_HEADER } from '@/server/public-cache-relay';
import { revalidatePublicPath } from '../../_lib/revalidate-public-path';

const bodySchema = z.object({ paths: z.array(z.string().startsWith('/').max(2_000)).max(200) });

/** Called only by this process's own cache relay (server/public-cache-relay.ts); a 404 to anyone else. */
export async function POST(req: Request) {
  if (!isRelayToken(req.headers.get(PUBLIC_CACHE_RELAY_HEADER))) return new Response('Not found', { status: 404 });
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return new Response('Bad request', { status: 400 });
  parsed.data.paths.forEach(revalidatePublicPath);
  return new Response(null, { status: 204 });
}
