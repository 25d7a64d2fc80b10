import type { ReactNode } from 'react';
import { PublicShell } from '../_components/shells';

export default function FactChecksLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
