// W3C Web Annotation (JSON-LD) export of published fact-checks: one Annotation per claim,
// motivated by "assessing", anchored with TextQuote and TextPosition selectors.
export type PublishedAnnotationInput = {
  id: string;
  targetSource: string;
  selectors: {
    quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
    position: { type: 'TextPositionSelector'; start: number; end: number };
  };
  body: { ratingLabel: string; summary: string; factCheckUrl: string };
  created: Date;
  modified?: Date;
  creatorName: string;
};

export function buildAnnotationPage({ id, annotations }: { id: string; annotations: readonly PublishedAnnotationInput[] }) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'AnnotationPage' as const,
    startIndex: 0,
    items: annotations.map((a) => ({
      id: a.id,
      type: 'Annotation' as const,
      motivation: 'assessing' as const,
      created: a.created.toISOString(),
      ...(a.modified ? { modified: a.modified.toISOString() } : {}),
      creator: { type: 'Organization' as const, name: a.creatorName },
      body: [
        {
          type: 'TextualBody' as const,
          purpose: 'assessing' as const,
          value: `${a.body.ratingLabel}: ${a.body.summary}`,
          format: 'text/plain',
          language: 'en',
        },
        { type: 'SpecificResource' as const, purpose: 'describing' as const, source: a.body.factCheckUrl },
      ],
      target: {
        source: a.targetSource,
        selector: [
          { type: 'TextQuoteSelector' as const, exact: a.selectors.quote.exact, prefix: a.selectors.quote.prefix, suffix: a.selectors.quote.suffix },
          { type: 'TextPositionSelector' as const, start: a.selectors.position.start, end: a.selectors.position.end },
        ],
      },
    })),
  };
}
