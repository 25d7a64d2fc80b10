import { revalidatePath } from 'next/cache';
import { ALL_PUBLIC_PAGES } from '@/server/public-cache-relay';

/** Revalidates one public path, or every page under the root layout for ALL_PUBLIC_PAGES. */
export function revalidatePublicPath(path: string): void {
  if (path === ALL_PUBLIC_PAGES) revalidatePath('/', 'layout');
  else revalidatePath(path);
}
