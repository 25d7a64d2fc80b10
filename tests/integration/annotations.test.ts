import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEventsForClaim } from '@/db/queries/audit';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedArticle, seedClaim, seedUser, type SeededUser } from './helpers/seed';

const EVIDENCE = {
  sourceUrl: 'https://example.org/report.pdf',
  sourceTitle: 'Annual roads report',
  excerpt: 'Only 12 percent of roads were resurfaced.',
  archiveUrl: 'https://web.archive.org/web/2024/https://example.org/report.pdf',
  stance: 'contradicts' as const,
};

describe.each(testDialects())('annotations on %s', (dialect) => {
  let testDb: TestDb;
  let author: SeededUser;
  let otherReviewer: SeededUser;
  let editor: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    author = await seedUser(testDb.db, 'reviewer');
    otherReviewer = await seedUser(testDb.db, 'reviewer');
    editor = await seedUser(testDb.db, 'editor');
  });
  afterAll(() => testDb.dispose());

  async function claimWithNote(body = 'The original note text') {
    const article = await seedArticle(testDb.db);
    const claim = await seedClaim(testDb.db, article, author.actor);
    const note = await (await callerFor(testDb.db, author)).annotations.create({ claimId: claim.id, kind: 'note', body });
    return { article, claim, note };
  }

  async function annotationIn(userCaller: Awaited<ReturnType<typeof callerFor>>, claimId: number, annotationId: number) {
    const detail = await userCaller.claims.detail({ claimId });
    const found = detail.annotations.find((a) => a.id === annotationId);
    if (!found) throw new Error(`annotation ${annotationId} missing from claim ${claimId}`);
    return found;
  }

  describe('annotations.create', () => {
    it('adds notes, questions and evidence, follows the claim and audits each', async () => {
      const article = await seedArticle(testDb.db);
      const claim = await seedClaim(testDb.db, article, author.actor);
      const caller = await callerFor(testDb.db, otherReviewer);
      const note = await caller.annotations.create({ claimId: claim.id, kind: 'note', body: 'Checking the council data.' });
      const question = await caller.annotations.create({ claimId: claim.id, kind: 'question', body: 'Which year?' });
      const evidence = await caller.annotations.create({ claimId: claim.id, kind: 'evidence', evidence: EVIDENCE });
      expect(note.version).toBe(1);

      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.isFollowing).toBe(true);
      expect(detail.annotations.map((a) => [a.id, a.kind, a.authorId, a.canEdit])).toEqual([
        [note.id, 'note', otherReviewer.id, true],
        [question.id, 'question', otherReviewer.id, true],
        [evidence.id, 'evidence', otherReviewer.id, true],
      ]);
      expect(detail.annotations[2]?.evidence).toEqual(EVIDENCE);
      const audit = (await findAuditEventsForClaim(testDb.db, claim.id)).map((e) => [e.event.action, e.event.actorId]);
      expect(audit).toEqual([
        ['claim.created', author.id],
        ['annotation.note_added', otherReviewer.id],
        ['annotation.question_added', otherReviewer.id],
        ['annotation.evidence_added', otherReviewer.id],
      ]);
      // The claim's author sees them but cannot edit them.
      const asAuthor = await callerFor(testDb.db, author);
      expect((await annotationIn(asAuthor, claim.id, note.id)).canEdit).toBe(false);
    });

    it('threads replies by parentId; a reply to an annotation of another claim is NOT_FOUND', async () => {
      const { claim, note } = await claimWithNote();
      const { claim: otherClaim } = await claimWithNote();
      const caller = await callerFor(testDb.db, otherReviewer);
      const reply = await caller.annotations.create({ claimId: claim.id, parentId: note.id, kind: 'note', body: 'Agreed.' });
      expect((await annotationIn(caller, claim.id, reply.id)).parentId).toBe(note.id);
      expect((await annotationIn(caller, claim.id, note.id)).parentId).toBeNull();

      await expect(
        caller.annotations.create({ claimId: otherClaim.id, parentId: note.id, kind: 'note', body: 'Wrong thread.' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        caller.annotations.create({ claimId: claim.id, parentId: 999_999, kind: 'note', body: 'No parent.' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await caller.claims.detail({ claimId: otherClaim.id })).annotations).toHaveLength(1);
      const actions = (await findAuditEventsForClaim(testDb.db, claim.id)).map((e) => e.event.action);
      expect(actions).toEqual(['claim.created', 'annotation.note_added', 'annotation.replied']);
    });

    it('refuses evidence with a javascript: URL, evidence without a source, and an empty note (BAD_REQUEST)', async () => {
      const article = await seedArticle(testDb.db);
      const claim = await seedClaim(testDb.db, article, author.actor);
      const caller = await callerFor(testDb.db, author);
      const attempts = [
        { claimId: claim.id, kind: 'evidence' as const, evidence: { ...EVIDENCE, sourceUrl: 'javascript:alert(document.cookie)' } },
        { claimId: claim.id, kind: 'evidence' as const, evidence: { ...EVIDENCE, archiveUrl: 'javascript:alert(1)' } },
        { claimId: claim.id, kind: 'evidence' as const, evidence: { ...EVIDENCE, sourceUrl: 'data:text/html,<script>1</script>' } },
        { claimId: claim.id, kind: 'evidence' as const, body: 'A source, I promise.' },
        { claimId: claim.id, kind: 'evidence' as const, evidence: null },
        { claimId: claim.id, kind: 'note' as const, body: '   ' },
        { claimId: claim.id, kind: 'note' as const, body: 'Notes carry no source', evidence: EVIDENCE },
      ];
      for (const input of attempts) {
        await expect(caller.annotations.create(input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      }
      expect((await caller.claims.detail({ claimId: claim.id })).annotations).toEqual([]);
    });

    it('never answers a NUL character in a note with a server error: refused (BAD_REQUEST) or stored without it', async () => {
      const article = await seedArticle(testDb.db);
      const claim = await seedClaim(testDb.db, article, author.actor);
      const caller = await callerFor(testDb.db, author);
      const outcome = await caller.annotations
        .create({ claimId: claim.id, kind: 'note', body: 'Pasted from a PDF\u0000 with a stray byte' })
        .then(
          () => 'ok',
          (error: unknown) => (error as { code?: string }).code,
        );
      expect(['ok', 'BAD_REQUEST']).toContain(outcome);
      const annotations = (await caller.claims.detail({ claimId: claim.id })).annotations;
      expect(annotations.map((a) => a.body).join('')).not.toContain('\u0000');
      if (outcome !== 'ok') expect(annotations).toEqual([]);
      // Stored: the rest of the text survives (SQLite must not cut the text at the NUL).
      else expect(annotations[0]?.body).toMatch(/^Pasted from a PDF ?with a stray byte$/);
    });

    it('answers NOT_FOUND for an unknown claim', async () => {
      const caller = await callerFor(testDb.db, author);
      await expect(caller.annotations.create({ claimId: 999_999, kind: 'note', body: 'Hello' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('annotations.update and annotations.delete', () => {
    it('lets only the author edit (FORBIDDEN for another reviewer and for an editor)', async () => {
      const { claim, note } = await claimWithNote('Before the edit');
      for (const who of [otherReviewer, editor]) {
        await expect(
          (await callerFor(testDb.db, who)).annotations.update({ annotationId: note.id, version: note.version, body: 'Hijacked' }),
        ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
      const asAuthor = await callerFor(testDb.db, author);
      expect((await annotationIn(asAuthor, claim.id, note.id)).body).toBe('Before the edit');

      const edited = await asAuthor.annotations.update({ annotationId: note.id, version: note.version, body: 'After the edit' });
      expect(edited).toEqual({ id: note.id, version: note.version + 1 });
      expect(await annotationIn(asAuthor, claim.id, note.id)).toMatchObject({ body: 'After the edit', version: note.version + 1 });
      const audit = await findAuditEventsForClaim(testDb.db, claim.id);
      const event = audit.find((e) => e.event.action === 'annotation.edited')?.event;
      expect(event?.before).toMatchObject({ body: 'Before the edit' });
      expect(event?.after).toMatchObject({ body: 'After the edit' });
    });

    it('refuses a stale version with CONFLICT and keeps the text', async () => {
      const { claim, note } = await claimWithNote('Version one');
      const asAuthor = await callerFor(testDb.db, author);
      await asAuthor.annotations.update({ annotationId: note.id, version: note.version, body: 'Version two' });
      await expect(
        asAuthor.annotations.update({ annotationId: note.id, version: note.version, body: 'Lost update' }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(asAuthor.annotations.delete({ annotationId: note.id, version: note.version })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(await annotationIn(asAuthor, claim.id, note.id)).toMatchObject({ body: 'Version two', isDeleted: false });
    });

    it('edits evidence but refuses to drop its source or use a javascript: URL', async () => {
      const article = await seedArticle(testDb.db);
      const claim = await seedClaim(testDb.db, article, author.actor);
      const asAuthor = await callerFor(testDb.db, author);
      const evidence = await asAuthor.annotations.create({ claimId: claim.id, kind: 'evidence', evidence: EVIDENCE });
      await expect(
        asAuthor.annotations.update({ annotationId: evidence.id, version: evidence.version, body: 'No source now', evidence: null }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(
        asAuthor.annotations.update({
          annotationId: evidence.id,
          version: evidence.version,
          body: '',
          evidence: { ...EVIDENCE, sourceUrl: 'javascript:void(0)' },
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await asAuthor.annotations.update({
        annotationId: evidence.id,
        version: evidence.version,
        body: 'See page 4.',
        evidence: { ...EVIDENCE, stance: 'context', archiveUrl: null },
      });
      expect(await annotationIn(asAuthor, claim.id, evidence.id)).toMatchObject({
        body: 'See page 4.',
        evidence: { ...EVIDENCE, stance: 'context', archiveUrl: null },
      });
    });

    it('deletes softly, only by the author: detail shows isDeleted with an empty body; the audit keeps the text', async () => {
      const { claim, note } = await claimWithNote('Text that will be deleted');
      await expect(
        (await callerFor(testDb.db, otherReviewer)).annotations.delete({ annotationId: note.id, version: note.version }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        (await callerFor(testDb.db, editor)).annotations.delete({ annotationId: note.id, version: note.version }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });

      const asAuthor = await callerFor(testDb.db, author);
      const deleted = await asAuthor.annotations.delete({ annotationId: note.id, version: note.version });
      expect(deleted.version).toBe(note.version + 1);

      for (const who of [author, editor]) {
        const shown = await annotationIn(await callerFor(testDb.db, who), claim.id, note.id);
        expect(shown).toMatchObject({ isDeleted: true, body: '', evidence: null, canEdit: false });
      }
      const audit = await findAuditEventsForClaim(testDb.db, claim.id);
      const event = audit.find((e) => e.event.action === 'annotation.deleted')?.event;
      expect(event).toMatchObject({ actorId: author.id, entityType: 'annotation', entityId: note.id });
      expect(event?.before).toMatchObject({ body: 'Text that will be deleted' });

      // Gone for good: editing, deleting again, hiding and replying all fail.
      await expect(
        asAuthor.annotations.update({ annotationId: note.id, version: deleted.version, body: 'Back from the dead' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(asAuthor.annotations.delete({ annotationId: note.id, version: deleted.version })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        (await callerFor(testDb.db, editor)).annotations.setHidden({ annotationId: note.id, isHidden: true }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        asAuthor.annotations.create({ claimId: claim.id, parentId: note.id, kind: 'note', body: 'Reply to nothing' }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    });
  });

  describe('annotations.setHidden', () => {
    it('lets an editor hide anyone’s annotation; a reviewer, even the author, gets FORBIDDEN', async () => {
      const { claim, note } = await claimWithNote('Rude remark');
      for (const who of [otherReviewer, author]) {
        await expect(
          (await callerFor(testDb.db, who)).annotations.setHidden({ annotationId: note.id, isHidden: true }),
        ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
      expect((await annotationIn(await callerFor(testDb.db, author), claim.id, note.id)).isHidden).toBe(false);

      const hidden = await (await callerFor(testDb.db, editor)).annotations.setHidden({ annotationId: note.id, isHidden: true });
      expect(hidden).toEqual({ id: note.id, version: note.version + 1, isHidden: true });
      const actions = (await findAuditEventsForClaim(testDb.db, claim.id)).map((e) => [e.event.action, e.event.actorId]);
      expect(actions.at(-1)).toEqual(['annotation.hidden', editor.id]);
    });

    it('shows a hidden body to editors and admins only; unhiding restores it for reviewers', async () => {
      const article = await seedArticle(testDb.db);
      const claim = await seedClaim(testDb.db, article, author.actor);
      const asAuthor = await callerFor(testDb.db, author);
      const evidence = await asAuthor.annotations.create({
        claimId: claim.id,
        kind: 'evidence',
        body: 'Leaked memo',
        evidence: EVIDENCE,
      });
      const asEditor = await callerFor(testDb.db, editor);
      await asEditor.annotations.setHidden({ annotationId: evidence.id, isHidden: true });

      for (const who of [author, otherReviewer]) {
        expect(await annotationIn(await callerFor(testDb.db, who), claim.id, evidence.id)).toMatchObject({
          isHidden: true,
          body: '',
          evidence: null,
        });
      }
      const admin = await seedUser(testDb.db, 'admin');
      for (const who of [editor, admin]) {
        expect(await annotationIn(await callerFor(testDb.db, who), claim.id, evidence.id)).toMatchObject({
          isHidden: true,
          body: 'Leaked memo',
          evidence: EVIDENCE,
        });
      }
      // Hidden is not deleted: the claim still counts it.
      expect((await asAuthor.claims.detail({ claimId: claim.id })).claim.annotationCount).toBe(1);

      const shown = await asEditor.annotations.setHidden({ annotationId: evidence.id, isHidden: false });
      expect(shown.isHidden).toBe(false);
      expect(await annotationIn(await callerFor(testDb.db, otherReviewer), claim.id, evidence.id)).toMatchObject({
        isHidden: false,
        body: 'Leaked memo',
      });
    });

    it('answers NOT_FOUND for an unknown annotation', async () => {
      await expect(
        (await callerFor(testDb.db, editor)).annotations.setHidden({ annotationId: 999_999, isHidden: true }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
