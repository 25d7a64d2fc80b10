import { describe, expect, it } from 'vitest';
import { buildAnnotationPage } from './index';

describe('buildAnnotationPage', () => {
  it('builds a W3C AnnotationPage with assessing annotations and both selectors', () => {
    const page = buildAnnotationPage({
      id: 'https://fc.example/api/articles/a/annotations',
      annotations: [
        {
          id: 'https://fc.example/fact-checks/x#annotation',
          targetSource: 'https://news.example/a',
          selectors: {
            quote: { type: 'TextQuoteSelector', exact: 'killed 89', prefix: 'strike ', suffix: ' soldiers' },
            position: { type: 'TextPositionSelector', start: 10, end: 19 },
          },
          body: { ratingLabel: 'Mostly true', summary: 'Official count.', factCheckUrl: 'https://fc.example/fact-checks/x' },
          created: new Date('2023-01-05T00:00:00Z'),
          creatorName: 'Example Desk',
        },
      ],
    });
    expect(page['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(page.type).toBe('AnnotationPage');
    const [item] = page.items;
    expect(item).toMatchObject({ type: 'Annotation', motivation: 'assessing', created: '2023-01-05T00:00:00.000Z' });
    expect(item!.body[0]).toEqual({
      type: 'TextualBody',
      purpose: 'assessing',
      value: 'Mostly true: Official count.',
      format: 'text/plain',
      language: 'en',
    });
    expect(item!.body[1]).toMatchObject({ source: 'https://fc.example/fact-checks/x' });
    expect(item!.target).toEqual({
      source: 'https://news.example/a',
      selector: [
        { type: 'TextQuoteSelector', exact: 'killed 89', prefix: 'strike ', suffix: ' soldiers' },
        { type: 'TextPositionSelector', start: 10, end: 19 },
      ],
    });
  });
});
