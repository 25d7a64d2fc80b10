import type { ReactNode } from 'react';
import { PublicShell } from '../_components/shells';

export default function MethodologyLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
