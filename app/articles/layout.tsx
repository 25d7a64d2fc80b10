import type { ReactNode } from 'react';
import { PublicShell } from '../_components/shells';

export default function ArticlesLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
