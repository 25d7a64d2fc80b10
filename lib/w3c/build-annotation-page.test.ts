import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '../claim-review/serialize-json-ld';
import { buildAnnotationPage, formatAssessment, type AnnotationInput } from './build-annotation-page';

const ARTICLE = 'https://news.example.com/russia-blames-phones';

const annotation = (overrides: Partial<AnnotationInput> = {}): AnnotationInput => ({
  id: 'https://facts.example.org/claims/12#annotation',
  targetSource: ARTICLE,
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: 'mobile phones', prefix: 'the use of ', suffix: ' by soldiers' },
    position: { type: 'TextPositionSelector', start: 120, end: 133 },
  },
  body: { ratingLabel: 'False', summary: 'Officials have not shown evidence.', factCheckUrl: 'https://facts.example.org/fact-checks/phones' },
  created: new Date('2023-01-05T10:00:00Z'),
  creatorName: 'Factdesk Demo Desk',
  ...overrides,
});

describe('buildAnnotationPage', () => {
  const page = buildAnnotationPage({ id: 'https://facts.example.org/annotations.jsonld', annotations: [annotation()] });
  const item = page.items[0];

  it('is a JSON-LD AnnotationPage in the Web Annotation context', () => {
    expect(page['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(page.type).toBe('AnnotationPage');
    expect(page.id).toBe('https://facts.example.org/annotations.jsonld');
    expect(page.items).toHaveLength(1);
    expect(page).not.toHaveProperty('partOf');
    expect(page).not.toHaveProperty('next');
  });

  it('makes each item an assessing Annotation with its id, dates and creator', () => {
    expect(item?.id).toBe('https://facts.example.org/claims/12#annotation');
    expect(item?.type).toBe('Annotation');
    expect(item?.motivation).toBe('assessing');
    expect(item?.created).toBe('2023-01-05T10:00:00.000Z');
    expect(item).not.toHaveProperty('modified');
    expect(item?.creator).toEqual({ type: 'Organization', name: 'Factdesk Demo Desk' });
  });

  it('has an assessing TextualBody with the rating and summary, then a link to the fact-check', () => {
    expect(item?.body).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'False: Officials have not shown evidence.', format: 'text/plain', language: 'en' },
      { type: 'SpecificResource', purpose: 'linking', source: 'https://facts.example.org/fact-checks/phones' },
    ]);
  });

  it('targets the article with the quote selector first and the position selector second', () => {
    expect(item?.target).toEqual({
      source: ARTICLE,
      selector: [
        { type: 'TextQuoteSelector', exact: 'mobile phones', prefix: 'the use of ', suffix: ' by soldiers' },
        { type: 'TextPositionSelector', start: 120, end: 133 },
      ],
    });
  });

  it('adds modified and a Person creator when given', () => {
    const [withExtras] = buildAnnotationPage({
      id: 'p',
      annotations: [annotation({ modified: new Date('2023-01-07T00:00:00Z'), creatorType: 'Person', creatorName: 'Ana' })],
    }).items;
    expect(withExtras?.modified).toBe('2023-01-07T00:00:00.000Z');
    expect(withExtras?.creator).toEqual({ type: 'Person', name: 'Ana' });
  });

  it('takes the summary language from the annotation, else the page, else English', () => {
    const items = buildAnnotationPage({ id: 'p', language: 'de', annotations: [annotation({ id: 'a' }), annotation({ id: 'b', language: 'uk' })] }).items;
    expect(items.map((a) => a.body[0].language)).toEqual(['de', 'uk']);
    expect(buildAnnotationPage({ id: 'p', annotations: [annotation()] }).items[0]?.body[0].language).toBe('en');
  });

  it('copies only the selector fields, not whatever else the stored selector carries', () => {
    const stored = { type: 'TextPositionSelector' as const, start: 1, end: 2, internalNote: 'secret' };
    const [item2] = buildAnnotationPage({
      id: 'p',
      annotations: [annotation({ selectors: { ...annotation().selectors, position: stored } })],
    }).items;
    expect(item2?.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 1, end: 2 });
  });

  it('keeps the order of the annotations and supports paging', () => {
    const paged = buildAnnotationPage({
      id: 'https://facts.example.org/annotations?page=2',
      annotations: [annotation({ id: 'a' }), annotation({ id: 'b' })],
      partOf: { id: 'https://facts.example.org/annotations', total: 12 },
      next: 'https://facts.example.org/annotations?page=3',
      prev: 'https://facts.example.org/annotations?page=1',
      startIndex: 10,
    });
    expect(paged.items.map((a) => a.id)).toEqual(['a', 'b']);
    expect(paged.partOf).toEqual({ id: 'https://facts.example.org/annotations', type: 'AnnotationCollection', total: 12 });
    expect(paged.next).toBe('https://facts.example.org/annotations?page=3');
    expect(paged.prev).toBe('https://facts.example.org/annotations?page=1');
    expect(paged.startIndex).toBe(10);
  });

  it('produces an empty page for no annotations', () => {
    expect(buildAnnotationPage({ id: 'p', annotations: [] }).items).toEqual([]);
  });

  it('round-trips through the safe JSON-LD serialiser', () => {
    const hostile = buildAnnotationPage({ id: 'p', annotations: [annotation({ body: { ...annotation().body, summary: '</script>' } })] });
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
  });
});

describe('formatAssessment', () => {
  it('joins label and summary, and uses the label alone when there is no summary', () => {
    expect(formatAssessment(' Mostly true ', ' Close. ')).toBe('Mostly true: Close.');
    expect(formatAssessment('True', '   ')).toBe('True');
  });
});
