// Benchmark data, added to a demo-seeded database before the server starts.
import type { AppDb } from '@/db/client';
import { insertAnnotation } from '@/db/queries/annotations';
import { insertClaim } from '@/db/queries/claims';
import { findUserByEmail } from '@/db/queries/users';
import { describeTextRange, joinParagraphs } from '@/lib/anchoring';
import type { Actor } from '@/server/services/actor';
import { storeArticle } from '@/server/services/articles';
import { createClaim, getClaimDetail, setChecklistItem } from '@/server/services/claims';
import { getDeskSettings } from '@/server/services/settings';
import { approveVerdict, proposeVerdict } from '@/server/services/verdicts';

export async function demoActor(db: AppDb, email: string): Promise<Actor> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`No demo user ${email}`);
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

const WORDS =
  'the minister said that unemployment fell by four percent last year while exports rose sharply and inflation stayed close to target according to the statistics office'.split(
    ' ',
  );

/** Paragraphs of plain prose, `paragraphLength` characters each, `totalCharacters` in all. */
export function makeParagraphs(totalCharacters: number, paragraphLength: number): string[] {
  const paragraphs: string[] = [];
  let word = 0;
  let total = 0;
  while (total < totalCharacters) {
    let paragraph = '';
    while (paragraph.length < paragraphLength) paragraph += `${WORDS[word++ % WORDS.length]} `;
    paragraph = `${paragraph.trim()}.`;
    paragraph = paragraph.charAt(0).toUpperCase() + paragraph.slice(1);
    paragraphs.push(paragraph);
    total += paragraph.length + 2;
  }
  return paragraphs;
}

/** `count` non-overlapping passages of about 30 characters, spread over the text. */
function passages(paragraphs: string[], count: number): Array<{ start: number; end: number }> {
  const text = joinParagraphs(paragraphs);
  const step = Math.floor(text.length / count);
  const ranges: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < count; i += 1) {
    let start = i * step;
    while (start < text.length && /\s/.test(text[start]!)) start += 1;
    let end = Math.min(start + 30, (i + 1) * step - 1, text.length);
    while (end > start + 1 && /\s/.test(text[end - 1]!)) end -= 1;
    // Stay within one paragraph.
    const breakAt = text.slice(start, end).indexOf('\n');
    if (breakAt > 0) end = start + breakAt;
    ranges.push({ start, end });
  }
  return ranges;
}

/**
 * An article of about `characters` characters with `claims` claims and `annotations`
 * annotations spread over them, inserted directly (one transaction): the shape of a busy
 * workspace, without waiting for thousands of audited transactions.
 */
export async function seedBigArticle(
  db: AppDb,
  { title, characters, claims, annotations }: { title: string; characters: number; claims: number; annotations: number },
) {
  const reviewer = await demoActor(db, 'reviewer@factdesk.test');
  const reviewer2 = await demoActor(db, 'reviewer2@factdesk.test');
  const paragraphs = makeParagraphs(characters, 500);
  const article = await storeArticle(
    db,
    { title, dek: null, paragraphs, publisher: 'Bench Gazette', author: null, url: null, publishedAt: null, language: 'en' },
    reviewer.id,
  );
  const text = joinParagraphs(paragraphs);
  const ranges = passages(paragraphs, claims);
  await db.transaction(async (tx) => {
    for (const [index, range] of ranges.entries()) {
      const claim = await insertClaim(tx, {
        articleId: article.id,
        slug: `${article.slug}-claim-${index + 1}`,
        statement: `Claim ${index + 1}: ${text.slice(range.start, range.end)}`,
        claimant: index % 2 ? 'The minister' : 'The statistics office',
        selectors: describeTextRange(text, range.start, range.end),
        anchorState: 'exact',
        anchorScore: 1,
        status: 'open',
        assigneeId: index % 3 === 0 ? reviewer2.id : null,
        tags: index % 5 === 0 ? ['economy'] : [],
        checklist: {},
        createdById: reviewer.id,
      });
      const perClaim = Math.floor(annotations / claims) + (index < annotations % claims ? 1 : 0);
      for (let a = 0; a < perClaim; a += 1) {
        await insertAnnotation(tx, {
          claimId: claim.id,
          parentId: null,
          kind: a % 3 === 0 ? 'question' : 'note',
          body: `Note ${a + 1} on claim ${index + 1}: checked the statistics office release for the figure.`,
          authorId: a % 2 ? reviewer.id : reviewer2.id,
        });
      }
    }
  });
  return { article, text };
}

/**
 * An article with `count` published claims, each through the real workflow: marked by a
 * reviewer, checklist ticked, verdict proposed, approved by an editor (two-person rule).
 */
export async function seedPublishedArticle(db: AppDb, { title, count }: { title: string; count: number }) {
  const reviewer = await demoActor(db, 'reviewer@factdesk.test');
  const editor = await demoActor(db, 'editor2@factdesk.test');
  const paragraphs = makeParagraphs(count * 400, 400);
  const article = await storeArticle(
    db,
    {
      title,
      dek: 'An article with many published fact-checks.',
      paragraphs,
      publisher: 'Bench Gazette',
      author: 'A. Writer',
      url: 'https://example.org/bench-article',
      publishedAt: new Date('2025-01-01T12:00:00Z'),
      language: 'en',
    },
    reviewer.id,
  );
  const text = joinParagraphs(paragraphs);
  const { checklist, ratingScale } = await getDeskSettings(db);
  const slugs: string[] = [];
  for (const [index, range] of passages(paragraphs, count).entries()) {
    const claim = await createClaim(db, reviewer, {
      articleId: article.id,
      selectors: describeTextRange(text, range.start, range.end),
      statement: `Published claim ${index + 1}: ${text.slice(range.start, range.end)}`,
      claimant: 'The minister',
      assigneeId: null,
      tags: [],
    });
    for (const item of checklist) await setChecklistItem(db, reviewer, { claimId: claim.id, itemKey: item.key, isChecked: true });
    const fresh = await getClaimDetail(db, reviewer, claim.id);
    const proposed = await proposeVerdict(db, reviewer, {
      claimId: claim.id,
      claimVersion: fresh.claim.version,
      ratingKey: ratingScale[index % ratingScale.length]!.key,
      summary: `The figure in claim ${index + 1} does not match the statistics office release.`,
      ruling: 'We compared the statement with the **official release** and two independent analyses.',
      sources: [{ url: 'https://example.org/release', title: 'Statistics office release' }],
      correctionNote: null,
    });
    const pending = (await getClaimDetail(db, editor, claim.id)).verdicts.find((v) => v.id === proposed.verdictId)!;
    await approveVerdict(db, editor, { verdictId: pending.id, version: pending.version });
    slugs.push(claim.slug);
  }
  return { article, claimSlugs: slugs };
}
