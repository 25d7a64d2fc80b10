// Validation of raw import input and the one error type every import path throws. The codes
// are stable so procedures can map them; the messages are written for the reviewer.

export const IMPORT_ERROR_CODES = [
  'EMPTY',
  'TOO_LARGE',
  'BINARY',
  'NO_TEXT',
  'UNREACHABLE',
  'NOT_HTML',
  'BLOCKED_ADDRESS',
  'TIMEOUT',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** 2 MB: far above any news article, low enough that parsing cannot exhaust the server. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const DEFAULT_MESSAGES: Record<ImportErrorCode, string> = {
  EMPTY: 'There is nothing to import: the input is empty.',
  TOO_LARGE: 'The input is larger than 2 MB, which is more than any article needs.',
  BINARY: 'This looks like a binary file, not text. Import a .txt, .md or .html file.',
  NO_TEXT: 'No article text could be found in the input.',
  UNREACHABLE: 'The web address could not be reached.',
  NOT_HTML: 'The web address did not return a web page (HTML).',
  BLOCKED_ADDRESS: 'This address points to a private or local network and cannot be imported.',
  TIMEOUT: 'The web page took too long to load.',
};

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? DEFAULT_MESSAGES[code], options);
    this.code = code;
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}

/** UTF-8 length without allocating a copy (a 2 MB paste should not be encoded just to be measured). */
export function measureUtf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

// Share of suspicious characters above which input is treated as binary. Real text has
// almost none; a decoded image or PDF has many.
const MAX_CONTROL_RATIO = 0.05;

function isSuspiciousCode(code: number): boolean {
  // Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 controls, DEL and the
  // replacement character (left by decoding binary as UTF-8) do not.
  if (code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d || code === 0x1b) return false;
  return code < 0x20 || code === 0x7f || code === 0xfffd;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Throws EMPTY, TOO_LARGE or BINARY for input that must not reach a parser. Accepts a string
 * (pasted text, fetched HTML) or raw bytes (an uploaded file, before decoding).
 */
export function assertTextLooksLikeText(input: string | Uint8Array): void {
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_BYTES || measureUtf8Bytes(input) > MAX_IMPORT_BYTES) {
      throw new ImportError('TOO_LARGE');
    }
    let suspicious = 0;
    for (let i = 0; i < input.length; i++) {
      const code = input.charCodeAt(i);
      if (code === 0) throw new ImportError('BINARY');
      if (isSuspiciousCode(code)) suspicious++;
    }
    if (input.length > 0 && suspicious / input.length > MAX_CONTROL_RATIO) throw new ImportError('BINARY');
    if (input.trim() === '') throw new ImportError('EMPTY');
    return;
  }
  if (input.byteLength > MAX_IMPORT_BYTES) throw new ImportError('TOO_LARGE');
  if (input.byteLength === 0) throw new ImportError('EMPTY');
  // UTF-16 text is full of NUL bytes by design, so judge it after decoding.
  if (hasUtf16Bom(input)) {
    assertTextLooksLikeText(decodeWithLabel(input, input[0] === 0xff ? 'utf-16le' : 'utf-16be'));
    return;
  }
  let suspicious = 0;
  for (const byte of input) {
    if (byte === 0) throw new ImportError('BINARY');
    if (isSuspiciousCode(byte)) suspicious++;
  }
  if (suspicious / input.byteLength > MAX_CONTROL_RATIO) throw new ImportError('BINARY');
  // Whitespace-only files are empty; decode to see Unicode spaces too.
  if (decodeWithLabel(input, 'utf-8').trim() === '') throw new ImportError('EMPTY');
}

// Windows-1252 characters for bytes 0x80–0x9F (undefined bytes map to themselves).
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWithLabel(bytes: Uint8Array, label: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    // An unknown charset label from a server or a meta tag: UTF-8 is the best guess.
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  // Some runtimes (Node 20) decode windows-1252, and the latin1/iso-8859-1 labels that mean it
  // on the web, as plain ISO-8859-1, turning curly quotes into C1 controls. Map them here.
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

/**
 * Validates and decodes uploaded or fetched bytes. A byte-order mark wins over the hint (as
 * browsers do); without either, UTF-8.
 */
export function decodeTextBytes(bytes: Uint8Array, charsetHint?: string | null): string {
  assertTextLooksLikeText(bytes);
  let label = charsetHint?.trim().toLowerCase() || 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  // TextDecoder strips the BOM itself.
  const text = decodeWithLabel(bytes, label);
  assertTextLooksLikeText(text);
  return text;
}

/** Decodes base64 (as sent by the upload form) without Node's Buffer, so forms can use it too. */
export function decodeBase64(base64: string): Uint8Array {
  const clean = base64.replace(/\s+/g, '');
  let binary: string;
  try {
    binary = atob(clean);
  } catch (error) {
    throw new ImportError('BINARY', 'The uploaded file content is not valid base64.', { cause: error });
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
