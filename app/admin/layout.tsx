import type { ReactNode } from 'react';
import { DeskShell } from '../_components/desk-shell';

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <DeskShell>{children}</DeskShell>;
}
