// One entry point for every import source; the tRPC procedure validates the input with
// importSourceSchema and calls this.

import {
  type ClassifiedArticle,
  decodeBase64,
  decodeTextBytes,
  detectFileFormat,
  ImportError,
  type ImportSource,
  parseMarkdownArticle,
  parsePlainTextArticle,
} from '@/lib/article-import';
import { extractArticleFromHtml } from './extract-article-from-html';
import { fetchArticleHtml, type FetchArticleOptions } from './fetch-article-html';

export type ImportArticleOptions = FetchArticleOptions;

function parseByFormat(format: 'plain' | 'markdown' | 'html', text: string, url?: string): ClassifiedArticle {
  if (format === 'html') return extractArticleFromHtml(text, url);
  if (format === 'markdown') return parseMarkdownArticle(text);
  return parsePlainTextArticle(text);
}

/**
 * Turns any import source into a clean article plus the classification of its candidate
 * paragraphs (for the reviewer's preview). Throws ImportError.
 */
export async function importArticle(source: ImportSource, options: ImportArticleOptions = {}): Promise<ClassifiedArticle> {
  switch (source.kind) {
    case 'text':
      return parseByFormat(source.format ?? 'plain', source.text);
    case 'html':
      return extractArticleFromHtml(source.html, source.url);
    case 'file': {
      const format = detectFileFormat(source.fileName);
      if (!format) throw new ImportError('BINARY', 'Only .txt, .md, .markdown, .html and .htm files can be imported.');
      // Raw bytes are checked for binary content before decoding; text was decoded by the browser.
      const text = source.contentBase64 !== undefined ? decodeTextBytes(decodeBase64(source.contentBase64)) : (source.text ?? '');
      return parseByFormat(format, text);
    }
    case 'url': {
      const { html, finalUrl } = await fetchArticleHtml(source.url, options);
      return extractArticleFromHtml(html, finalUrl);
    }
  }
}
