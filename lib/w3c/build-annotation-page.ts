// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) export of public verdicts, so
// annotation clients (Hypothesis-style tools, archives, researchers) can place our ratings on
// the original article text. Selectors are the stored ones: both describe the same span, so a
// consumer may use whichever it supports.
import type { StoredTextPositionSelector, StoredTextQuoteSelector } from '../domain/selectors';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type AnnotationInput = {
  /** IRI of the annotation (e.g. the public claim URL plus a fragment). */
  id: string;
  /** The article URL the selectors point into. */
  targetSource: string;
  selectors: { quote: StoredTextQuoteSelector; position: StoredTextPositionSelector };
  body: { ratingLabel: string; summary: string; factCheckUrl: string };
  created: Date;
  modified?: Date | null;
  creatorName: string;
  /** Defaults to Organization: published verdicts are the desk's, not one reviewer's. */
  creatorType?: 'Person' | 'Organization';
  /** BCP 47 language of the summary; defaults to the page's `language`. */
  language?: string;
};

/** The name the first version of this module exported; kept for existing callers. */
export type PublishedAnnotationInput = AnnotationInput;

/** The public site is English (`<html lang="en">`), so summaries are unless a caller says otherwise. */
export const DEFAULT_ANNOTATION_LANGUAGE = 'en';

export type AnnotationPageInput = {
  id: string;
  annotations: readonly AnnotationInput[];
  /** BCP 47 language of the summaries; DEFAULT_ANNOTATION_LANGUAGE when not given. */
  language?: string;
  /** Paging, for exports too large for one page. */
  partOf?: { id: string; total?: number };
  next?: string;
  prev?: string;
  startIndex?: number;
};

export type TextualBody = {
  type: 'TextualBody';
  purpose: 'assessing';
  value: string;
  format: 'text/plain';
  language: string;
};

export type LinkBody = { type: 'SpecificResource'; purpose: 'linking'; source: string };

export type WebAnnotation = {
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  created: string;
  modified?: string;
  creator: { type: 'Person' | 'Organization'; name: string };
  body: [TextualBody, LinkBody];
  target: {
    source: string;
    selector: [StoredTextQuoteSelector, StoredTextPositionSelector];
  };
};

export type AnnotationPage = {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationPage';
  partOf?: { id: string; type: 'AnnotationCollection'; total?: number };
  next?: string;
  prev?: string;
  startIndex?: number;
  items: WebAnnotation[];
};

/** The assessing body's text: the verdict first, so a client showing one line shows the rating. */
export function formatAssessment(ratingLabel: string, summary: string): string {
  const label = ratingLabel.trim();
  const text = summary.trim();
  return text === '' ? label : `${label}: ${text}`;
}

export function buildAnnotation(input: AnnotationInput, defaultLanguage = DEFAULT_ANNOTATION_LANGUAGE): WebAnnotation {
  const { quote, position } = input.selectors;
  return {
    id: input.id,
    type: 'Annotation',
    motivation: 'assessing',
    created: input.created.toISOString(),
    ...(input.modified ? { modified: input.modified.toISOString() } : {}),
    creator: { type: input.creatorType ?? 'Organization', name: input.creatorName },
    body: [
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: formatAssessment(input.body.ratingLabel, input.body.summary),
        format: 'text/plain',
        language: input.language ?? defaultLanguage,
      },
      { type: 'SpecificResource', purpose: 'linking', source: input.body.factCheckUrl },
    ],
    target: {
      source: input.targetSource,
      // Copied field by field so extra properties on stored selectors never leak into the export.
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  };
}

export function buildAnnotationPage(input: AnnotationPageInput): AnnotationPage {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: input.id,
    type: 'AnnotationPage',
    ...(input.partOf
      ? {
          partOf: {
            id: input.partOf.id,
            type: 'AnnotationCollection' as const,
            ...(input.partOf.total !== undefined ? { total: input.partOf.total } : {}),
          },
        }
      : {}),
    ...(input.next ? { next: input.next } : {}),
    ...(input.prev ? { prev: input.prev } : {}),
    ...(input.startIndex !== undefined ? { startIndex: input.startIndex } : {}),
    items: input.annotations.map((annotation) => buildAnnotation(annotation, input.language ?? DEFAULT_ANNOTATION_LANGUAGE)),
  };
}
