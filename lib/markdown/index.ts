// Safe Markdown for text users write (annotations, rulings, settings): React elements from a
// small parser, never HTML strings. See parse-markdown.ts for the supported syntax.
export { isSafeHttpUrl, toSafeHref } from './is-safe-http-url';
export { markdownToPlainText, renderMarkdown, USER_LINK_REL } from './render-markdown';
export { parseMarkdown, type BlockNode, type InlineNode } from './parse-markdown';
