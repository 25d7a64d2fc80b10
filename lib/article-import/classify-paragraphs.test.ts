import { describe, expect, it } from 'vitest';
import {
  classifyParagraphs,
  collectKeptParagraphs,
  detectBoilerplateReason,
  hasGluedLabel,
  inferMetadataFromBoilerplate,
  looksLikeStandfirst,
} from './classify-paragraphs';

const BODY_A =
  'The council confirmed on Monday that the bridge will close for repairs in April, diverting around 12,000 vehicles a day through the town centre.';
const BODY_B =
  'Engineers found corrosion in three of the bridge’s steel cables during a routine inspection last autumn, according to a report published this week.';
const BODY_C =
  'Local businesses said they had not been consulted about the timing, which coincides with the busiest weeks of the tourist season on the coast.';

const reasonsOf = (lines: string[], options?: Parameters<typeof classifyParagraphs>[1]) =>
  classifyParagraphs(lines, options).map((p) => p.reason);

describe('detectBoilerplateReason', () => {
  it.each([
    ['-', 'separator'],
    ['—', 'separator'],
    ['•', 'separator'],
    ['* * *', 'separator'],
    ['ADVERTISEMENT', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['Read more', 'read-more'],
    ['Read more: Why the bridge matters', 'read-more'],
    ['Share this story', 'share'],
    ['Facebook Twitter WhatsApp Email', 'share'],
    ['Copyright 2023 Example Media Ltd', 'copyright'],
    ['Sign up for our free newsletter', 'newsletter'],
    ['Get the best stories delivered directly to your inbox.', 'newsletter'],
    ['A free daily email with the day’s top stories', 'newsletter'],
    ['Already a subscriber? Log in to continue reading', 'promo'],
    ['Related stories', 'related-heading'],
    ['More from The Herald', 'related-heading'],
    ['By Anna Kowalska and Tom Reyes', 'byline'],
    ['Updated 14:32 GMT, 3 January 2023', 'dateline'],
    ['5 min read', 'dateline'],
    ['(Image credit: Getty Images)', 'image-credit'],
    ['Sam Ortiz is a staff writer at The Ledger. She previously covered courts for the Daily Record.', 'author-bio'],
  ] as const)('%s → %s', (line, reason) => {
    expect(detectBoilerplateReason(line)).toBe(reason);
  });

  it.each([
    BODY_A,
    // Mentions of newsletters, subscriptions and careers inside reporting are not boilerplate.
    'The minister wrote in her constituency newsletter that the closure was "regrettable but unavoidable", and promised a public meeting.',
    'Ms Ortiz began her career as a nurse before moving into hospital management in the 1990s.',
    'Thousands of young men signed up for military service in the first weeks of the war.',
    'By the time the fire brigade arrived, the roof had already collapsed.',
    '“Share the road,” the campaign’s posters say.',
  ])('keeps prose: %s', (line) => {
    expect(detectBoilerplateReason(line)).toBeNull();
  });
});

describe('classifyParagraphs', () => {
  it('marks blank lines as empty and never keeps them', () => {
    const result = classifyParagraphs(['', BODY_A, ' \t ', BODY_B]);
    expect(result.map((p) => p.reason)).toEqual(['empty', null, 'empty', null]);
    expect(collectKeptParagraphs(result, { restore: [0, 2] })).toEqual([BODY_A, BODY_B]);
  });

  it('normalises text and marks a repeated line, or a repeat of the title, as duplicate', () => {
    const result = classifyParagraphs([`  ${BODY_A}  `, 'Bridge to close in April', BODY_B, BODY_A.toUpperCase()], {
      title: 'Bridge to close in April',
    });
    expect(result.map((p) => p.reason)).toEqual([null, 'duplicate', null, 'duplicate']);
    expect(result[0]?.text).toBe(BODY_A);
  });

  it('drops a lone site name only when it is the known publisher or sits next to a sign-up prompt', () => {
    expect(reasonsOf([BODY_A, 'Coast Weekly', BODY_B], { publisher: 'Coast Weekly' })).toEqual([null, 'site-name', null]);
    expect(reasonsOf([BODY_A, 'Coast Weekly', 'Sign up to our weekly digest', BODY_B])).toEqual([null, 'site-name', 'newsletter', null]);
    // A subheading between two body paragraphs, or right after a sign-up box, stays.
    expect(reasonsOf([BODY_A, 'What Happens Next', BODY_B])).toEqual([null, null, null]);
    expect(reasonsOf([BODY_A, 'Sign up to our weekly digest', 'What Happens Next', BODY_B])).toEqual([null, 'newsletter', null, null]);
  });

  it('drops a reader-addressed pitch next to a sign-up prompt but not a body line addressing the reader', () => {
    expect(reasonsOf([BODY_A, 'Join 40,000 readers who start their day with us.', 'Subscribe now', BODY_B])).toEqual([
      null,
      'promo',
      'newsletter',
      null,
    ]);
    expect(reasonsOf([BODY_A, 'If you live near the bridge, you can comment on the plans until 1 March.', BODY_B])).toEqual([null, null, null]);
  });

  it('treats everything after a separator followed by teasers as the related-stories zone', () => {
    const result = reasonsOf([BODY_A, BODY_B, '—', 'Five bridges that changed the coast', 'Why tolls are back on the agenda', 'About us']);
    expect(result).toEqual([null, null, 'separator', 'related-stories', 'related-stories', 'related-stories']);
  });

  it('does not let a scene break swallow the rest of the article', () => {
    expect(reasonsOf([BODY_A, '* * *', 'Aftermath Of The Storm', BODY_B, BODY_C])).toEqual([null, 'separator', null, null, null]);
  });

  it('drops only the links of an inline "Related" box in the middle of the article', () => {
    expect(reasonsOf([BODY_A, 'Related', 'Bridge inspections to double', 'Ferry fares frozen for winter', BODY_B, BODY_C])).toEqual([
      null,
      'related-heading',
      'related-stories',
      'related-stories',
      null,
      null,
    ]);
  });

  it('recognises teaser cards whose headline is glued to a category label', () => {
    expect(hasGluedLabel('Is the bridge safe?Big Question Engineers disagree')).toBe(true);
    expect(hasGluedLabel('The ferry that never sailedIn Depth A story of delays')).toBe(true);
    expect(hasGluedLabel('The 5G rollout reached 3D printing firms in Leeds.')).toBe(false);
    expect(reasonsOf([BODY_A, BODY_B, 'Is the bridge safe?Big Question Engineers disagree', 'The ferry that never sailedIn Depth A story of delays'])).toEqual([
      null,
      null,
      'related-stories',
      'related-stories',
    ]);
  });

  it('starts the footer at an "all rights reserved" line', () => {
    expect(reasonsOf([BODY_A, '© 2024 Coast Weekly. All rights reserved.', 'Privacy policy', 'Contact the newsroom'])).toEqual([
      null,
      'copyright',
      'footer',
      'footer',
    ]);
  });
});

describe('collectKeptParagraphs', () => {
  const classified = classifyParagraphs([BODY_A, 'Advertisement', BODY_B, 'Sign up for our newsletter']);

  it('keeps non-boilerplate lines by default', () => {
    expect(collectKeptParagraphs(classified)).toEqual([BODY_A, BODY_B]);
  });

  it('applies the reviewer’s restores and drops by index', () => {
    expect(collectKeptParagraphs(classified, { restore: [3], drop: [0] })).toEqual([BODY_B, 'Sign up for our newsletter']);
  });
});

describe('looksLikeStandfirst', () => {
  it('accepts a short summary sentence', () => {
    expect(looksLikeStandfirst('The bridge will close for three months while corroded cables are replaced.')).toBe(true);
  });

  it.each([
    ['a headline without a full stop', 'Bridge to close for repairs in April'],
    ['a quotation', '“We had no choice,” the council leader said of the closure.'],
    ['a long news lede', `${BODY_A.slice(0, -1)} and adding up to forty minutes to journeys across the estuary.`],
    ['three sentences', 'The bridge closes. Traffic moves. Shops worry about the summer.'],
    ['a sign-up prompt', 'Sign up to get the best of our journalism every day.'],
  ])('rejects %s', (_, text) => {
    expect(looksLikeStandfirst(text)).toBe(false);
  });
});

describe('inferMetadataFromBoilerplate', () => {
  it('reads the author from a byline, the publisher from a copyright line and the date from a dateline', () => {
    const classified = classifyParagraphs(['By Anna Kowalska | Politics', 'Published: January 3, 2023', BODY_A, 'Copyright © 2023 The Ledger. All rights reserved.']);
    const metadata = inferMetadataFromBoilerplate(classified);
    expect(metadata.author).toBe('Anna Kowalska');
    expect(metadata.publisher).toBe('The Ledger');
    expect(metadata.publishedAt?.toISOString()).toBe('2023-01-03T00:00:00.000Z');
  });
});
