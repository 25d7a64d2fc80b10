// The shape every import path (plain text, Markdown, HTML, URL) produces. Paragraphs are
// canonical plain text: anchors are computed over `canonicalText(paragraphs)`, so no markup
// may survive into them.

export type ImportedArticle = {
  title: string;
  dek: string | null;
  paragraphs: string[];
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
  language: string | null;
};

/** Why a candidate paragraph was dropped; the UI shows these next to the dropped lines. */
export type BoilerplateReason =
  | 'empty'
  | 'separator'
  | 'duplicate'
  | 'newsletter'
  | 'promo'
  | 'site-name'
  | 'author-bio'
  | 'byline'
  | 'dateline'
  | 'advertisement'
  | 'read-more'
  | 'share'
  | 'image-credit'
  | 'copyright'
  | 'related-heading'
  | 'related-stories'
  | 'footer';

export type ClassifiedParagraph = {
  text: string;
  isBoilerplate: boolean;
  reason: BoilerplateReason | null;
};

/**
 * An import result plus the per-line classification of the body candidates, in document
 * order, so a reviewer can see what was dropped and restore it (`collectKeptParagraphs`).
 * `paragraphs` equals the non-boilerplate entries of `classified`; it may be empty when every
 * line looked like boilerplate, which callers should treat as "ask the reviewer".
 */
export type ClassifiedArticle = ImportedArticle & { classified: ClassifiedParagraph[] };
