// Public surface of the article import module (pure, isomorphic: used by the import form for
// its preview and by server/import for the real import).

export type { BoilerplateReason, ClassifiedArticle, ClassifiedParagraph, ImportedArticle } from './types';
export {
  assertTextLooksLikeText,
  decodeBase64,
  decodeTextBytes,
  IMPORT_ERROR_CODES,
  ImportError,
  isImportError,
  MAX_IMPORT_BYTES,
  measureUtf8Bytes,
  type ImportErrorCode,
} from './import-error';
export { canonicalText, normalizeParagraph } from './normalize-paragraph';
export {
  BOILERPLATE_REASON_LABELS,
  classifyParagraphs,
  collectKeptParagraphs,
  detectBoilerplateReason,
  inferMetadataFromBoilerplate,
  looksLikeStandfirst,
  type ClassifyParagraphsOptions,
} from './classify-paragraphs';
export { parsePlainTextArticle } from './parse-plain-text-article';
export { parseMarkdownArticle, stripInlineMarkdown } from './parse-markdown-article';
export { parseLooseDate } from './parse-loose-date';
export {
  detectFileFormat,
  fileImportSourceSchema,
  htmlImportSourceSchema,
  httpUrlSchema,
  IMPORT_FILE_EXTENSIONS,
  importSourceSchema,
  isHttpUrl,
  textImportSourceSchema,
  urlImportSourceSchema,
  type ImportFileFormat,
  type ImportSource,
  type ImportSourceInput,
} from './import-source-schema';
