// Row types, identical on both dialects (db/schema/parity.ts proves it).
import type * as schema from './schema/sqlite';

export type UserRow = typeof schema.users.$inferSelect;
export type ArticleRow = typeof schema.articles.$inferSelect;
export type NewArticleRow = typeof schema.articles.$inferInsert;
export type ArticleRevisionRow = typeof schema.articleRevisions.$inferSelect;
export type ClaimRow = typeof schema.claims.$inferSelect;
export type AnnotationRow = typeof schema.annotations.$inferSelect;
export type VerdictRow = typeof schema.verdicts.$inferSelect;
export type AuditEventRow = typeof schema.auditEvents.$inferSelect;
export type SettingRow = typeof schema.settings.$inferSelect;
export type NewClaimRow = typeof schema.claims.$inferInsert;
export type NewAnnotationRow = typeof schema.annotations.$inferInsert;
export type NewVerdictRow = typeof schema.verdicts.$inferInsert;
