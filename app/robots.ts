import type { MetadataRoute } from 'next';
import { getPublicBaseUrl } from '@/server/services/public-site';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: ['/'], disallow: ['/desk', '/admin', '/api/', '/sign-in', '/sign-out'] }],
    sitemap: `${getPublicBaseUrl()}/sitemap.xml`,
  };
}
