// Compile-time proof that both dialects expose the same tables with the same row types.
// If a column is added to one schema only, or typed differently, `tsc --noEmit` fails here.
// A new table must be added to both lists below; db/schema/parity.test.ts checks that at run time.
import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import type * as pg from './pg';
import type * as sqlite from './sqlite';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type SchemaParity = [
  Expect<Equal<keyof typeof sqlite, keyof typeof pg>>,
  Expect<Equal<InferSelectModel<typeof sqlite.users>, InferSelectModel<typeof pg.users>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.users>, InferInsertModel<typeof pg.users>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.articles>, InferSelectModel<typeof pg.articles>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.articles>, InferInsertModel<typeof pg.articles>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.articleRevisions>, InferSelectModel<typeof pg.articleRevisions>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.articleRevisions>, InferInsertModel<typeof pg.articleRevisions>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.claims>, InferSelectModel<typeof pg.claims>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.claims>, InferInsertModel<typeof pg.claims>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.annotations>, InferSelectModel<typeof pg.annotations>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.annotations>, InferInsertModel<typeof pg.annotations>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.verdicts>, InferSelectModel<typeof pg.verdicts>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.verdicts>, InferInsertModel<typeof pg.verdicts>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.auditEvents>, InferSelectModel<typeof pg.auditEvents>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.auditEvents>, InferInsertModel<typeof pg.auditEvents>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.settings>, InferSelectModel<typeof pg.settings>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.settings>, InferInsertModel<typeof pg.settings>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.claimFollows>, InferSelectModel<typeof pg.claimFollows>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.claimFollows>, InferInsertModel<typeof pg.claimFollows>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.events>, InferSelectModel<typeof pg.events>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.events>, InferInsertModel<typeof pg.events>>>,
  Expect<Equal<InferSelectModel<typeof sqlite.rateLimitBuckets>, InferSelectModel<typeof pg.rateLimitBuckets>>>,
  Expect<Equal<InferInsertModel<typeof sqlite.rateLimitBuckets>, InferInsertModel<typeof pg.rateLimitBuckets>>>,
];

export const CHECKED_TABLES = ['users', 'articles', 'articleRevisions', 'claims', 'annotations', 'verdicts', 'auditEvents', 'settings', 'claimFollows', 'events', 'rateLimitBuckets'] as const;
