// Demo research on the demo article: claims, evidence, notes, a discussion and one proposal
// waiting for an editor. Written through the services, so demo data obeys the same rules.
import type { AppDb } from '@/db/client';
import { describeTextRange, joinParagraphs } from '@/lib/anchoring';
import type { ArticleView } from '../services/articles';
import type { Actor } from '../services/actor';
import { createAnnotation } from '../services/annotations';
import { createClaim, getClaimDetail, listClaimsForArticle, setChecklistItem } from '../services/claims';
import { getDeskSettings } from '../services/settings';
import { approveVerdict, proposeVerdict } from '../services/verdicts';

type DemoActors = { reviewer: Actor; reviewer2: Actor; editor: Actor; editor2: Actor };

const CNN_URL = 'https://edition.cnn.com/2023/01/03/europe/russia-makiivka-strike-blame-phones-intl/index.html';

function selectorsFor(article: ArticleView, quote: string) {
  const text = joinParagraphs(article.paragraphs);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`Demo quote not found in the demo article: ${quote}`);
  return describeTextRange(text, start, start + quote.length);
}

export async function seedDemoClaims(db: AppDb, article: ArticleView, actors: DemoActors): Promise<void> {
  await seedDemoResearch(db, article, actors);
  await seedDemoPublications(db, article, actors);
}

async function seedDemoResearch(db: AppDb, article: ArticleView, actors: DemoActors): Promise<void> {
  const { reviewer, reviewer2, editor } = actors;
  const claim = (quote: string, statement: string, claimant: string, by: Actor, assigneeId: number | null, tags: string[]) =>
    createClaim(db, by, { articleId: article.id, selectors: selectorsFor(article, quote), statement, claimant, assigneeId, tags });

  const deathToll = await claim(
    'reportedly left 89 people dead and dozens wounded',
    'The New Year’s Day strike on the base in Makiivka killed 89 Russian soldiers.',
    'Russian Ministry of Defence (as reported)',
    reviewer,
    reviewer.id,
    ['casualties', 'ukraine'],
  );
  const phones = await claim(
    'the main reason, despite the restriction, was turning on and massive use of mobile phones by the personnel within the range area of enemy firepower',
    'The main reason for the strike was soldiers’ massive use of mobile phones within range of enemy fire.',
    'Lt. Gen. Sergei Sevryukov',
    reviewer,
    null,
    ['mobile-phones', 'military'],
  );
  await claim(
    'a blatant attempt to smear blame',
    'The phone explanation is a blatant attempt to smear blame.',
    'Semyon Pegov (WarGonzo)',
    reviewer2,
    null,
    ['mobile-phones'],
  );
  await claim(
    'It is clear that [cell phones] were not the main reason.',
    'Cell phones were not the main reason Ukraine located the base.',
    'Serhii Cherevatyi, Ukrainian Armed Forces spokesperson (via CNN)',
    reviewer,
    reviewer2.id,
    ['mobile-phones', 'ukraine'],
  );

  await createAnnotation(db, reviewer, {
    claimId: deathToll.id,
    parentId: null,
    kind: 'evidence',
    body: 'The Russian defence ministry raised its own count from 63 to **89** on 4 January.',
    evidence: {
      sourceUrl: CNN_URL,
      sourceTitle: 'CNN: Russia blames soldiers’ phone use for deadly Makiivka strike',
      excerpt: 'Russia’s defense ministry said the death toll had risen to 89.',
      archiveUrl: null,
      stance: 'supports',
    },
  });
  const question = await createAnnotation(db, reviewer2, {
    claimId: deathToll.id,
    parentId: null,
    kind: 'question',
    body: 'Ukraine claimed a much higher number. Do we say which count we rate?',
    evidence: null,
  });
  await createAnnotation(db, reviewer, {
    claimId: deathToll.id,
    parentId: question.id,
    kind: 'note',
    body: 'Yes: we rate the figure as the article attributes it (Russian official count) and mention the Ukrainian claim in the ruling.',
    evidence: null,
  });
  await createAnnotation(db, reviewer2, {
    claimId: deathToll.id,
    parentId: null,
    kind: 'note',
    body: 'The standfirst’s “almost 100” rounds up this official 89 and drops the attribution.',
    evidence: null,
  });
  await createAnnotation(db, editor, {
    claimId: phones.id,
    parentId: null,
    kind: 'question',
    body: 'Is there any independent evidence that phone signals were used for targeting?',
    evidence: null,
  });

  const { checklist, ratingScale } = await getDeskSettings(db);
  for (const item of checklist) {
    await setChecklistItem(db, reviewer, { claimId: deathToll.id, itemKey: item.key, isChecked: true });
  }
  const rating = ratingScale.find((r) => r.label.toLowerCase() === 'mostly true') ?? ratingScale[0]!;
  await proposeVerdict(db, reviewer, {
    claimId: deathToll.id,
    claimVersion: deathToll.version + checklist.length,
    ratingKey: rating.key,
    summary: 'Russia’s own official count was 89 dead; Ukraine claimed far more.',
    ruling:
      'The figure of **89** is the Russian defence ministry’s revised count, reported by CNN and others. ' +
      'Ukrainian officials claimed several hundred casualties, which could not be verified independently.',
    sources: [{ url: CNN_URL, title: 'CNN: Russia blames soldiers’ phone use for deadly Makiivka strike' }],
    correctionNote: null,
  });
}

const MOD_STATEMENT_URL = 'https://www.reuters.com/world/europe/russia-says-mobile-phone-use-troops-led-deadly-strike-2023-01-04/';

/** Two published fact-checks on the demo article, one of them corrected after publication. */
export async function seedDemoPublications(db: AppDb, article: ArticleView, actors: DemoActors): Promise<void> {
  const { reviewer, reviewer2, editor, editor2 } = actors;
  const { checklist, ratingScale } = await getDeskSettings(db);
  const ratingKey = (label: string) => (ratingScale.find((r) => r.label.toLowerCase() === label) ?? ratingScale[0]!).key;
  const workspace = await getClaimsByClaimant(db, reviewer, article.id);

  const publish = async (
    claimId: number,
    proposer: Actor,
    approver: Actor,
    verdict: { rating: string; summary: string; ruling: string; correctionNote: string | null },
  ) => {
    const before = await getClaimDetail(db, proposer, claimId);
    for (const item of checklist) {
      if (!before.checklist.find((c) => c.key === item.key)?.isChecked && before.claim.status === 'open') {
        await setChecklistItem(db, proposer, { claimId, itemKey: item.key, isChecked: true });
      }
    }
    const current = await getClaimDetail(db, proposer, claimId);
    const proposed = await proposeVerdict(db, proposer, {
      claimId,
      claimVersion: current.claim.version,
      ratingKey: ratingKey(verdict.rating),
      summary: verdict.summary,
      ruling: verdict.ruling,
      sources: [
        { url: MOD_STATEMENT_URL, title: 'Reuters: Russia says mobile phone use by troops led to deadly strike' },
        { url: CNN_URL, title: 'CNN: Russia blames soldiers’ phone use for deadly Makiivka strike' },
      ],
      correctionNote: verdict.correctionNote,
    });
    const pending = (await getClaimDetail(db, approver, claimId)).verdicts.find((v) => v.id === proposed.verdictId)!;
    await approveVerdict(db, approver, { verdictId: pending.id, version: pending.version });
  };

  const phones = workspace.get('Lt. Gen. Sergei Sevryukov')!;
  await publish(phones, reviewer, editor, {
    rating: 'unproven',
    summary: 'Russia offered no evidence that phone signals, rather than other intelligence, revealed the base.',
    ruling:
      'The statement came from the Russian military itself and names no evidence. Phone use can reveal positions, ' +
      'but the base was a known building near the front line, which Ukrainian forces could locate by other means.',
    correctionNote: null,
  });
  await publish(phones, reviewer2, editor2, {
    rating: 'misleading',
    summary: 'Blaming phones shifts responsibility: the base was a known building within range, and the military gave no evidence.',
    ruling:
      'Since our first verdict, Russian military bloggers and Ukrainian officials have pointed to the concentration of ' +
      'troops and ammunition in one known building. Phone use may have played a part, but presenting it as **the main ' +
      'reason** is misleading.',
    correctionNote:
      'We changed the rating from Unproven to Misleading after adding the accounts of Russian military bloggers and Ukrainian officials.',
  });

  await publish(workspace.get('Serhii Cherevatyi, Ukrainian Armed Forces spokesperson (via CNN)')!, reviewer2, editor, {
    rating: 'unproven',
    summary: 'Ukraine’s military did not say how it located the base, so the claim cannot be checked either way.',
    ruling:
      'Serhii Cherevatyi’s statement, reported by CNN, is an assessment by a party to the conflict. Ukraine has not ' +
      'disclosed how it targeted the building, and no independent source has.',
    correctionNote: null,
  });
}

async function getClaimsByClaimant(db: AppDb, actor: Actor, articleId: number): Promise<Map<string, number>> {
  const claims = await listClaimsForArticle(db, actor, { articleId, isAssignedToMe: false });
  return new Map(claims.map((c) => [c.claimant, c.id]));
}
