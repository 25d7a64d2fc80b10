// Plain text as a reader copies it from a browser: one paragraph per line, or hard-wrapped
// paragraphs separated by blank lines (email, terminal copies).

import { assembleArticle, deriveTitleFromText, isTooLongForTitle } from './assemble-article';
import { detectBoilerplateReason, looksLikeStandfirst } from './classify-paragraphs';
import { assertTextLooksLikeText, ImportError } from './import-error';
import { normalizeParagraph } from './normalize-paragraph';
import { type BoilerplateReason, type ClassifiedArticle } from './types';

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/**
 * Hard-wrapped text has short lines of similar length and blank lines between paragraphs. A
 * line that reaches near the wrap margin continues on the next line; a shorter one ends its
 * paragraph (so "Title\nDek" in one block stays two lines).
 */
function splitIntoLines(text: string): string[] {
  const rawLines = text.split(LINE_BREAK).map((line) => line.trim());
  const nonEmpty = rawLines.filter((line) => line !== '');
  const width = Math.max(0, ...nonEmpty.map((line) => line.length));
  const hasBlankSeparators = rawLines.some((line, i) => line === '' && i > 0 && i < rawLines.length - 1);
  const fullLines = nonEmpty.filter((line) => line.length >= width * 0.6).length;
  const isHardWrapped = hasBlankSeparators && width <= 100 && fullLines >= 3;
  if (!isHardWrapped) return nonEmpty.map(normalizeParagraph).filter(Boolean);

  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(normalizeParagraph(current.join(' ')));
    current = [];
  };
  for (const line of rawLines) {
    if (line === '') {
      flush();
      continue;
    }
    current.push(line);
    if (line.length < width * 0.6) flush();
  }
  flush();
  return paragraphs.filter(Boolean);
}

// Lines that can precede the headline in a copy (share bars, ad markers, rules).
const NOT_A_TITLE = new Set<BoilerplateReason | null>(['empty', 'separator', 'advertisement', 'share']);
// Lines that may sit between the headline and the standfirst.
const BEFORE_DEK = new Set<BoilerplateReason | null>(['byline', 'dateline', 'share', 'separator']);

/**
 * First non-empty line → title; the next line → dek when it reads like a standfirst (after
 * any byline/date lines); the rest → classified body paragraphs.
 */
export function parsePlainTextArticle(text: string): ClassifiedArticle {
  assertTextLooksLikeText(text);
  const lines = splitIntoLines(text);
  if (lines.length === 0) throw new ImportError('EMPTY');

  const titleIndex = lines.findIndex((line) => !NOT_A_TITLE.has(detectBoilerplateReason(line)));
  if (titleIndex === -1) throw new ImportError('NO_TEXT');
  const firstLine = lines[titleIndex]!;
  const body = [...lines.slice(0, titleIndex)];
  let title = firstLine;
  const titleIsDerived = isTooLongForTitle(firstLine);
  if (titleIsDerived) {
    // No headline line: name the article after its opening and keep the paragraph.
    title = deriveTitleFromText(firstLine);
    body.push(firstLine);
  }

  let dek: string | null = null;
  const rest = lines.slice(titleIndex + 1);
  // A derived title has no standfirst under it: the next line is already body text.
  if (!titleIsDerived) {
    const dekIndex = rest.findIndex((line) => !BEFORE_DEK.has(detectBoilerplateReason(line)));
    const candidate = dekIndex === -1 ? undefined : rest[dekIndex];
    if (candidate !== undefined && dekIndex <= 3 && looksLikeStandfirst(candidate)) {
      dek = candidate;
      rest.splice(dekIndex, 1);
    }
  }
  return assembleArticle({ title, dek, bodyLines: [...body, ...rest] });
}
