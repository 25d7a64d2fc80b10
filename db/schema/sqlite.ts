// SQLite schema. Mirrors db/schema/pg.ts name for name and type for type; the parity
// check in db/schema/parity.ts fails the typecheck if the two drift apart.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ANCHOR_STATES,
  ANNOTATION_KINDS,
  CLAIM_STATUSES,
  EVIDENCE_STANCES,
  USER_ROLES,
  VERDICT_STATUSES,
} from '../../lib/domain/enums';
import type { ChecklistState, StoredSelectors, VerdictSource } from '../../lib/domain/selectors';

const id = () => integer('id').primaryKey({ autoIncrement: true });
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
const createdAt = () =>
  timestamp('created_at')
    .notNull()
    .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`);
const version = () => integer('version').notNull().default(1);

export const users = sqliteTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    version: version(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const articles = sqliteTable(
  'articles',
  {
    id: id(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    dek: text('dek'),
    paragraphs: text('paragraphs', { mode: 'json' }).$type<string[]>().notNull(),
    publisher: text('publisher'),
    author: text('author'),
    url: text('url'),
    publishedAt: timestamp('published_at'),
    language: text('language'),
    revisionNumber: integer('revision_number').notNull().default(1),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    version: version(),
  },
  (t) => [uniqueIndex('articles_slug_unique').on(t.slug), index('articles_created_at_idx').on(t.createdAt)],
);

export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    revisionNumber: integer('revision_number').notNull(),
    title: text('title').notNull(),
    dek: text('dek'),
    paragraphs: text('paragraphs', { mode: 'json' }).$type<string[]>().notNull(),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('article_revisions_article_number_unique').on(t.articleId, t.revisionNumber)],
);

export const claims = sqliteTable(
  'claims',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    statement: text('statement').notNull(),
    claimant: text('claimant').notNull(),
    claimDate: timestamp('claim_date'),
    selectors: text('selectors', { mode: 'json' }).$type<StoredSelectors>().notNull(),
    anchorState: text('anchor_state', { enum: ANCHOR_STATES }).notNull().default('exact'),
    anchorScore: real('anchor_score'),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('open'),
    assigneeId: integer('assignee_id').references(() => users.id),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    checklist: text('checklist', { mode: 'json' }).$type<ChecklistState>().notNull(),
    dismissReason: text('dismiss_reason'),
    createdById: integer('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    version: version(),
  },
  (t) => [
    uniqueIndex('claims_slug_unique').on(t.slug),
    index('claims_article_idx').on(t.articleId),
    index('claims_status_idx').on(t.status),
    index('claims_assignee_idx').on(t.assigneeId),
  ],
);

export const annotations = sqliteTable(
  'annotations',
  {
    id: id(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'),
    kind: text('kind', { enum: ANNOTATION_KINDS }).notNull(),
    body: text('body').notNull(),
    sourceUrl: text('source_url'),
    sourceTitle: text('source_title'),
    excerpt: text('excerpt'),
    archiveUrl: text('archive_url'),
    stance: text('stance', { enum: EVIDENCE_STANCES }),
    selectors: text('selectors', { mode: 'json' }).$type<StoredSelectors>(),
    anchorState: text('anchor_state', { enum: ANCHOR_STATES }),
    anchorScore: real('anchor_score'),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    isHidden: integer('is_hidden', { mode: 'boolean' }).notNull().default(false),
    hiddenById: integer('hidden_by_id').references(() => users.id),
    deletedAt: timestamp('deleted_at'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    version: version(),
  },
  (t) => [
    // Claim first, so it serves lookups by claim; deleted_at too, so counting a claim's live
    // annotations (on every save and every workspace load) reads the index only.
    index('annotations_claim_deleted_idx').on(t.claimId, t.deletedAt),
    index('annotations_parent_idx').on(t.parentId),
  ],
);

export const verdicts = sqliteTable(
  'verdicts',
  {
    id: id(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    ratingKey: text('rating_key').notNull(),
    ratingLabel: text('rating_label').notNull(),
    ratingValue: integer('rating_value').notNull(),
    summary: text('summary').notNull(),
    ruling: text('ruling').notNull(),
    sources: text('sources', { mode: 'json' }).$type<VerdictSource[]>().notNull(),
    correctionNote: text('correction_note'),
    status: text('status', { enum: VERDICT_STATUSES }).notNull().default('pending'),
    proposedById: integer('proposed_by_id')
      .notNull()
      .references(() => users.id),
    decidedById: integer('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at'),
    decisionComment: text('decision_comment'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    version: version(),
  },
  (t) => [
    uniqueIndex('verdicts_claim_version_unique').on(t.claimId, t.versionNumber),
    index('verdicts_status_idx').on(t.status),
  ],
);

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: id(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    claimId: integer('claim_id'),
    articleId: integer('article_id'),
    before: text('before', { mode: 'json' }).$type<unknown>(),
    after: text('after', { mode: 'json' }).$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_claim_idx').on(t.claimId),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  updatedById: integer('updated_by_id').references(() => users.id),
  updatedAt: timestamp('updated_at').notNull(),
  version: version(),
});

export const claimFollows = sqliteTable(
  'claim_follows',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.claimId] }), index('claim_follows_claim_idx').on(t.claimId)],
);

/**
 * The live-collaboration log: one row per change a workspace or review queue must see,
 * written in the same transaction as the change. Subscribers resume from an id, so the
 * ids double as SSE event ids.
 */
export const events = sqliteTable(
  'events',
  {
    id: id(),
    articleId: integer('article_id').notNull(),
    claimId: integer('claim_id'),
    type: text('type').notNull(),
    actorId: integer('actor_id'),
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('events_article_idx').on(t.articleId, t.id)],
);

/** Fixed-window counters for rate limits, shared by every app instance on one database. */
export const rateLimitBuckets = sqliteTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at').notNull(),
  hits: integer('hits').notNull(),
});
