// JSON-LD goes into a <script type="application/ld+json"> element, where the HTML parser ends
// the script at the first `</script` whatever JSON thinks is a string. Escaping `<`, `>` and `&`
// as \u escapes keeps the JSON identical once parsed while leaving nothing the HTML parser can
// act on; U+2028/U+2029 are escaped for consumers that evaluate the text as JavaScript.
const UNSAFE = /[<>&\u2028\u2029]/g;

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON text that is safe to place verbatim inside a `<script type="application/ld+json">`. */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('serializeJsonLd needs a JSON-serialisable value.');
  return json.replace(UNSAFE, (ch) => ESCAPES[ch] ?? ch);
}
