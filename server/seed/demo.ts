import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDb } from '@/db/client';
import { countUsers } from '@/db/queries/users';
import { parsePlainTextArticle } from '@/lib/article-import';
import type { Actor } from '../services/actor';
import { storeArticle } from '../services/articles';
import { createUserUnchecked } from '../services/users';
import { seedDemoClaims } from './demo-claims';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, describeDemoAccounts } from './demo-accounts';

export const DEMO_ARTICLE_FILE = path.join(process.cwd(), 'demo', 'the-week-russia-blames-phones.txt');
// The fixture was copied without its address, so the demo article has none.
export const DEMO_ARTICLE_URL: string | null = null;

/** Seeds demo users and the demo article into an empty database; does nothing otherwise. */
export async function seedDemoData(db: AppDb, { log }: { log: (line: string) => void }): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const actors = new Map<string, Actor>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await createUserUnchecked(db, { ...account, password: DEMO_PASSWORD }, null);
    actors.set(account.email, { id: user.id, name: user.name, email: user.email, role: user.role });
  }
  const actor = (email: string) => actors.get(email)!;
  const imported = parsePlainTextArticle(await fs.readFile(DEMO_ARTICLE_FILE, 'utf8'));
  const article = await storeArticle(
    db,
    {
      title: imported.title,
      dek: imported.dek,
      paragraphs: imported.paragraphs,
      publisher: 'The Week',
      author: 'Justin Klawans',
      url: DEMO_ARTICLE_URL,
      publishedAt: new Date('2023-01-04T12:00:00Z'),
      language: 'en',
    },
    null,
  );
  await seedDemoClaims(db, article, {
    reviewer: actor('reviewer@factdesk.test'),
    reviewer2: actor('reviewer2@factdesk.test'),
    editor: actor('editor@factdesk.test'),
    editor2: actor('editor2@factdesk.test'),
  });
  log(`Seeded the demo desk.\n${describeDemoAccounts()}`);
  return true;
}
