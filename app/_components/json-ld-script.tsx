/**
 * The one place raw script text is emitted: `json` must come from lib/claim-review's
 * serializeJsonLd, which escapes <, >, & and line separators, so text written by users
 * cannot close the script element. React would HTML-escape text children, and an
 * HTML-escaped JSON-LD block is no longer valid JSON for search engines.
 */
export function JsonLdScript({ json }: { json: string }) {
  // eslint-disable-next-line no-restricted-syntax -- see the comment above: escaped JSON, not HTML.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
