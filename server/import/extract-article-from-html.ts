// Article extraction from a web page. The HTML is untrusted: jsdom parses it without running
// scripts or loading resources, Readability finds the article, and only text leaves this
// module; no markup is stored, so none can be rendered later.

import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import {
  assertTextLooksLikeText,
  classifyParagraphs,
  type ClassifiedArticle,
  ImportError,
  inferMetadataFromBoilerplate,
  isHttpUrl,
  normalizeParagraph,
  parseLooseDate,
} from '@/lib/article-import';

const BLOCK_SELECTOR = 'p, h2, h3, h4, h5, h6, li, blockquote, pre';
// Elements whose text is never part of the article, even when Readability leaves them in.
const SKIPPED_ELEMENTS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'FIGCAPTION',
]);

/**
 * The text of a block element without the text of nested blocks (those are paragraphs of
 * their own). `<br>` becomes a space so words on either side are not glued together.
 */
function readOwnText(element: Element, blocks: ReadonlySet<Element>): string {
  let text = '';
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      const tag = child.tagName.toUpperCase();
      if (tag === 'BR') text += ' ';
      else if (blocks.has(child)) text += ' ';
      else if (!SKIPPED_ELEMENTS.has(tag)) text += readOwnText(child, blocks);
    }
  }
  return text;
}

// Bounds on page structure, checked before jsdom sees the page: jsdom recurses per nesting
// level (a page of 100,000 nested <div>s overflows the stack after a long, event-loop-blocking
// parse) and Readability's cost grows with the element count. Real article pages stay far
// below both (typically a few thousand elements, nesting under 100).
const MAX_ELEMENTS = 30_000;
const MAX_NESTING_DEPTH = 400;
const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
]);
// Elements the parser closes implicitly; counting them as nesting would overestimate depth.
const IMPLICITLY_CLOSED = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'rb', 'rt', 'rp', 'colgroup', 'caption',
]);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g;

/** A cheap scan of the tags, so hostile structure is refused before the expensive parse. */
function assertManageableStructure(html: string): void {
  let elements = 0;
  let depth = 0;
  let maxDepth = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const name = match[2]!.toLowerCase();
    if (match[1]) {
      if (!VOID_ELEMENTS.has(name) && !IMPLICITLY_CLOSED.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    elements++;
    if (!match[3] && !VOID_ELEMENTS.has(name) && !IMPLICITLY_CLOSED.has(name)) maxDepth = Math.max(maxDepth, ++depth);
    if (elements > MAX_ELEMENTS || maxDepth > MAX_NESTING_DEPTH) {
      throw new ImportError('TOO_LARGE', 'This page is too complex to extract an article from. Paste the article text instead.');
    }
  }
}

function collectParagraphs(content: Element): string[] {
  const blocks = Array.from(content.querySelectorAll(BLOCK_SELECTOR)).filter((el) => !el.closest('figcaption'));
  const blockSet = new Set(blocks);
  return blocks.map((block) => normalizeParagraph(readOwnText(block, blockSet))).filter((text) => text !== '');
}

function readMeta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = normalizeParagraph(element?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return null;
}

function cleanByline(byline: string | null | undefined): string | null {
  const text = normalizeParagraph(byline ?? '').replace(/^by\s+/i, '');
  // Author meta tags sometimes hold a profile URL; that is not a name.
  if (!text || isHttpUrl(text) || text.length > 120) return null;
  return text;
}

function normalizeLanguage(value: string | null | undefined): string | null {
  const text = value?.trim().replace('_', '-');
  return text && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(text) ? text : null;
}

function readCanonicalUrl(document: Document): string | null {
  const href = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? readMeta(document, 'og:url');
  if (!href) return null;
  try {
    const url = new URL(href, document.baseURI);
    return isHttpUrl(url.href) ? url.href : null;
  } catch {
    return null;
  }
}

type PageMetadata = {
  title: string | null;
  firstHeading: string | null;
  description: string | null;
  siteName: string | null;
  author: string | null;
  publishedTime: string | null;
  language: string | null;
  canonicalUrl: string | null;
};

/** Metadata read before Readability runs, because Readability rewrites the document. */
function readPageMetadata(document: Document): PageMetadata {
  return {
    title: readMeta(document, 'og:title', 'twitter:title') ?? (normalizeParagraph(document.title) || null),
    firstHeading: normalizeParagraph(document.querySelector('h1')?.textContent ?? '') || null,
    description: readMeta(document, 'og:description', 'twitter:description', 'description'),
    siteName: readMeta(document, 'og:site_name', 'application-name'),
    author: cleanByline(readMeta(document, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator')),
    publishedTime:
      readMeta(document, 'article:published_time', 'og:published_time', 'datePublished', 'parsely-pub-date', 'pubdate', 'date', 'dc.date') ??
      document.querySelector('time[datetime]')?.getAttribute('datetime') ??
      null,
    language: normalizeLanguage(document.documentElement.getAttribute('lang')) ?? normalizeLanguage(readMeta(document, 'og:locale')),
    canonicalUrl: readCanonicalUrl(document),
  };
}

/**
 * The meta description as a dek, unless it merely repeats the title or (often truncated) one
 * of the opening paragraphs, which CMSs use as the description when none was written.
 */
function chooseDek(description: string | null, title: string, openingParagraphs: readonly string[]): string | null {
  if (!description) return null;
  const stem = description.replace(/(?:…|\.\.\.)$/, '').trim().toLowerCase();
  if (stem.length < 20 || stem === title.toLowerCase()) return null;
  if (openingParagraphs.some((paragraph) => paragraph.toLowerCase().startsWith(stem))) return null;
  return description;
}

function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const loose = parseLooseDate(value);
  if (loose) return loose;
  // Full RFC 3339 timestamps with fractions or offsets are left to Date; only valid ones are kept.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Extracts the article from a page's HTML as text paragraphs (p, h2–h6, li, blockquote),
 * with metadata from Readability and the page's meta tags, and the shared boilerplate
 * classification. Throws NO_TEXT when there is no article in the page.
 */
export function extractArticleFromHtml(html: string, baseUrl?: string): ClassifiedArticle {
  assertTextLooksLikeText(html);
  assertManageableStructure(html);
  const url = baseUrl && isHttpUrl(baseUrl) ? new URL(baseUrl).href : undefined;
  // No runScripts and no resources option: jsdom neither executes scripts nor fetches
  // anything. The silent virtual console keeps page CSS/JS errors out of the server log.
  const dom = new JSDOM(html, { ...(url ? { url } : {}), virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const metadata = readPageMetadata(document);
    const parsed = new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
    const content = parsed?.content;
    if (!parsed || !content) throw new ImportError('NO_TEXT', 'No article text could be found on this page.');

    const candidates = collectParagraphs(content);
    if (candidates.length === 0) throw new ImportError('NO_TEXT', 'No article text could be found on this page.');
    // Readability turns the article's <h1> into an <h2>; as the title it is then a duplicate.
    const title = normalizeParagraph(parsed.title ?? '') || metadata.title || metadata.firstHeading || candidates[0]!.slice(0, 120);
    const publisher = normalizeParagraph(parsed.siteName ?? '') || metadata.siteName;
    const dek = chooseDek(metadata.description, title, candidates.slice(0, 3));
    const classified = classifyParagraphs(candidates, { title, dek, publisher });
    const inferred = inferMetadataFromBoilerplate(classified);
    return {
      title,
      dek,
      paragraphs: classified.filter((p) => !p.isBoilerplate).map((p) => p.text),
      publisher: publisher ?? inferred.publisher,
      author: cleanByline(parsed.byline) ?? metadata.author ?? inferred.author,
      url: url ?? metadata.canonicalUrl,
      publishedAt: parseDate(parsed.publishedTime) ?? parseDate(metadata.publishedTime) ?? inferred.publishedAt,
      language: normalizeLanguage(parsed.lang) ?? metadata.language,
      classified,
    };
  } finally {
    dom.window.close();
  }
}
