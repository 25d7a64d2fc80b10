import { TRPCError } from '@trpc/server';
import { getPublicCaller } from '@/server/trpc/server-caller';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const page = await (await getPublicCaller()).public.articleAnnotations({ slug });
    return new Response(JSON.stringify(page, null, 2), {
      headers: {
        'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        'cache-control': 'public, max-age=60',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) {
      return Response.json({ error: 'No published annotations for that article.' }, { status: 404 });
    }
    throw error;
  }
}
