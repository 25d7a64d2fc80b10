import type { UserRole } from '@/lib/domain/enums';

/** Demo accounts for the embedded default. Written in the README and printed at start. */
export const DEMO_PASSWORD = 'factdesk-demo';

export const DEMO_ACCOUNTS: { email: string; name: string; role: UserRole }[] = [
  { email: 'reviewer@factdesk.test', name: 'Rita Reviewer', role: 'reviewer' },
  { email: 'reviewer2@factdesk.test', name: 'Ravi Reviewer', role: 'reviewer' },
  { email: 'editor@factdesk.test', name: 'Edith Editor', role: 'editor' },
  { email: 'editor2@factdesk.test', name: 'Eamon Editor', role: 'editor' },
  { email: 'admin@factdesk.test', name: 'Ada Admin', role: 'admin' },
];

export function describeDemoAccounts(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(9)} ${a.email}`);
  return ['Demo accounts (password for all: ' + DEMO_PASSWORD + '):', ...lines].join('\n');
}
