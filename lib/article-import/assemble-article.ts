// The last step shared by the plain-text and Markdown parsers: classify the body candidates,
// fill metadata the boilerplate gives away, and keep only the non-boilerplate paragraphs.

import { classifyParagraphs, inferMetadataFromBoilerplate } from './classify-paragraphs';
import { ImportError } from './import-error';
import { normalizeParagraph } from './normalize-paragraph';
import { type ClassifiedArticle } from './types';

export type ArticleParts = {
  title: string;
  dek: string | null;
  bodyLines: readonly string[];
  publisher?: string | null;
  author?: string | null;
  url?: string | null;
  publishedAt?: Date | null;
  language?: string | null;
};

const MAX_TITLE_LENGTH = 200;

/** A title for text whose first line is a whole paragraph: its first sentence, or its first words. */
export function deriveTitleFromText(text: string): string {
  const opening = text.slice(0, 400);
  const firstSentence = /^(.{10,150}?[.!?])(?:\s|$)/u.exec(opening)?.[1];
  if (firstSentence) return firstSentence;
  const words = opening.split(' ');
  return words.length <= 12 ? text : `${words.slice(0, 12).join(' ')}…`;
}

/** True when a first line is too long to be a headline and should stay in the body. */
export function isTooLongForTitle(text: string): boolean {
  return text.length > MAX_TITLE_LENGTH;
}

export function assembleArticle(parts: ArticleParts): ClassifiedArticle {
  const title = normalizeParagraph(parts.title);
  const dek = parts.dek === null ? null : normalizeParagraph(parts.dek) || null;
  const publisherHint = parts.publisher ?? null;
  const classified = classifyParagraphs(parts.bodyLines, { title, dek, publisher: publisherHint }).filter(
    (p) => p.reason !== 'empty',
  );
  if (title === '' || classified.length === 0) {
    throw new ImportError('NO_TEXT', 'Found a title but no article text under it.');
  }
  const inferred = inferMetadataFromBoilerplate(classified);
  return {
    title,
    dek,
    paragraphs: classified.filter((p) => !p.isBoilerplate).map((p) => p.text),
    publisher: publisherHint ?? inferred.publisher,
    author: parts.author ?? inferred.author,
    url: parts.url ?? null,
    publishedAt: parts.publishedAt ?? inferred.publishedAt,
    language: parts.language ?? null,
    classified,
  };
}
