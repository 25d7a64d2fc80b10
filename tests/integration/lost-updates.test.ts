// No lost update, as a property: whatever the interleaving of reads and writes by several
// reviewers, each write either lands on exactly the version it read or is refused with CONFLICT.
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedArticle, seedClaim, seedUser, type SeededUser } from './helpers/seed';

const RUNS = 1_000;
const WRITERS = 3;

/** One step of a schedule: a writer reads the row, or writes what it last read, alone or in a burst. */
type Step = { kind: 'read'; writer: number } | { kind: 'write'; writers: number[] };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('read' as const), writer: fc.nat({ max: WRITERS - 1 }) }),
  fc.record({
    kind: fc.constant('write' as const),
    // Several writers in one step write concurrently (Promise.all), as racing browsers do.
    writers: fc.uniqueArray(fc.nat({ max: WRITERS - 1 }), { minLength: 1, maxLength: WRITERS }),
  }),
);
const scheduleArbitrary = fc.record({
  target: fc.constantFrom('claim' as const, 'annotation' as const),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }),
});

type Attempt = { writer: number; readVersion: number; value: string; outcome: 'applied' | 'conflict'; newVersion?: number };

describe.each(testDialects())('no lost update on %s', (dialect) => {
  let testDb: TestDb;
  let writers: SeededUser[];
  let article: Awaited<ReturnType<typeof seedArticle>>;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    // One author owns the annotations (only authors edit their own); claims are edited by anyone.
    writers = [];
    for (let i = 0; i < WRITERS; i += 1) writers.push(await seedUser(testDb.db, 'reviewer', { name: `Writer ${i}` }));
    article = await seedArticle(testDb.db);
  });
  afterAll(async () => testDb?.dispose());

  it(`holds over ${RUNS} random interleavings of stale and fresh edits`, { timeout: 600_000 }, async () => {
    const { db } = testDb;
    const callers = await Promise.all(writers.map((w) => callerFor(db, w)));
    let counter = 0;

    await fc.assert(
      fc.asyncProperty(scheduleArbitrary, async ({ target, steps }) => {
        counter += 1;
        const claim = await seedClaim(db, article, writers[0]!.actor, { statement: `Run ${counter} start` });
        const note =
          target === 'annotation'
            ? await callers[0]!.annotations.create({ claimId: claim.id, kind: 'note', body: `Run ${counter} start` })
            : null;
        const readRow = async (writer: number) => {
          if (note) {
            const detail = await callers[writer]!.claims.detail({ claimId: claim.id });
            const row = detail.annotations.find((a) => a.id === note.id)!;
            return { version: row.version, value: row.body };
          }
          const detail = await callers[writer]!.claims.detail({ claimId: claim.id });
          return { version: detail.claim.version, value: detail.claim.statement };
        };
        const write = async (writer: number, version: number, value: string): Promise<Attempt> => {
          // Annotations are edited by their author only, so every "writer" is that author's tab.
          const caller = note ? callers[0]! : callers[writer]!;
          try {
            const saved = note
              ? await caller.annotations.update({ annotationId: note.id, version, body: value, evidence: null })
              : await caller.claims.update({ claimId: claim.id, version, statement: value });
            return { writer, readVersion: version, value, outcome: 'applied', newVersion: saved.version };
          } catch (error) {
            if (error instanceof TRPCError && error.code === 'CONFLICT') return { writer, readVersion: version, value, outcome: 'conflict' };
            throw error;
          }
        };

        const initial = await readRow(0);
        const lastRead = new Map<number, number>(writers.map((_, i) => [i, initial.version]));
        const attempts: Attempt[] = [];
        let serial = 0;
        for (const step of steps) {
          if (step.kind === 'read') {
            lastRead.set(step.writer, (await readRow(step.writer)).version);
            continue;
          }
          const burst = await Promise.all(
            step.writers.map((writer) => {
              serial += 1;
              return write(writer, lastRead.get(writer)!, `Run ${counter} write ${serial} by ${writer}`);
            }),
          );
          attempts.push(...burst);
        }

        const applied = attempts.filter((a) => a.outcome === 'applied').sort((a, b) => a.readVersion - b.readVersion);
        const final = await readRow(0);
        // Each applied write moved the row from the version it read to the next one, with no two on one version.
        expect(applied.map((a) => a.newVersion)).toEqual(applied.map((a) => a.readVersion + 1));
        expect(new Set(applied.map((a) => a.readVersion)).size).toBe(applied.length);
        expect(applied.map((a) => a.readVersion)).toEqual(applied.map((_, i) => initial.version + i));
        expect(final.version).toBe(initial.version + applied.length);
        // The row holds the last applied write: nothing applied was silently replaced.
        expect(final.value).toBe(applied.at(-1)?.value ?? initial.value);
        // A refusal is never spurious: someone else had already written on top of what it read.
        for (const refused of attempts.filter((a) => a.outcome === 'conflict')) {
          expect(applied.some((a) => a.readVersion >= refused.readVersion)).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FAST_CHECK_SEED ?? 20261204) },
    );
  });
});
