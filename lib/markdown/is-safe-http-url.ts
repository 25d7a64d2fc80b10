// The one gate for every user- or admin-supplied URL that ends up in an href or in published
// structured data. Only absolute http(s) URLs pass.

// Browsers silently delete tabs and newlines and strip leading control characters and spaces
// before parsing a URL, which is how `java\tscript:` or ` javascript:` get past checks that
// look at the string. Refusing all of them outright leaves nothing to be rewritten later.
// Zero-width and bidi marks are refused too: they make a URL read differently from where it goes.
const INVISIBLE_OR_SPACE = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

function hasForbiddenCharacter(url: string): boolean {
  for (let i = 0; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return INVISIBLE_OR_SPACE.test(url);
}

/**
 * True for an absolute `http://` or `https://` URL with a host. Everything else is refused:
 * other schemes (javascript:, data:, vbscript:, file:), relative and protocol-relative URLs
 * (`//evil.example`), backslash tricks, embedded whitespace, and credentials
 * (`https://bank.example@evil.example` reads as one site but goes to another).
 */
export function isSafeHttpUrl(url: string): boolean {
  return toSafeHref(url) !== null;
}

/**
 * The normalised href for a safe URL (percent-encoded, so quotes and angle brackets cannot
 * break out of an attribute), or null when `isSafeHttpUrl` would refuse it.
 */
export function toSafeHref(url: string): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return null;
  if (hasForbiddenCharacter(url)) return null;
  // The raw text must already start with the scheme and two forward slashes: WHATWG parsing
  // would accept `https:evil.example` or `https:\\evil.example` and guess what was meant.
  if (!/^https?:\/\/[^/\\]/i.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}
