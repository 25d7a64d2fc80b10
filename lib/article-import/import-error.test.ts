import { describe, expect, it } from 'vitest';
import {
  assertTextLooksLikeText,
  decodeBase64,
  decodeTextBytes,
  ImportError,
  isImportError,
  MAX_IMPORT_BYTES,
  measureUtf8Bytes,
} from './import-error';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return isImportError(error) ? error.code : `not an ImportError: ${String(error)}`;
  }
  return undefined;
};

describe('ImportError', () => {
  it('carries a code and a default human message', () => {
    const error = new ImportError('TOO_LARGE');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ImportError');
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/2 MB/);
  });
});

describe('measureUtf8Bytes', () => {
  it('counts UTF-8 bytes, including surrogate pairs', () => {
    expect(measureUtf8Bytes('abc')).toBe(3);
    expect(measureUtf8Bytes('é')).toBe(2);
    expect(measureUtf8Bytes('€')).toBe(3);
    expect(measureUtf8Bytes('😀')).toBe(4);
    expect(measureUtf8Bytes('a😀é€')).toBe(new TextEncoder().encode('a😀é€').byteLength);
  });
});

describe('assertTextLooksLikeText', () => {
  it('accepts ordinary text, including tabs and non-Latin scripts', () => {
    expect(codeOf(() => assertTextLooksLikeText('Заголовок\n\tТекст статьи.'))).toBeUndefined();
    expect(codeOf(() => assertTextLooksLikeText(new TextEncoder().encode('Plain text\r\n')))).toBeUndefined();
  });

  it('rejects empty and whitespace-only input as EMPTY', () => {
    expect(codeOf(() => assertTextLooksLikeText(''))).toBe('EMPTY');
    expect(codeOf(() => assertTextLooksLikeText(' \n\t\u00a0'))).toBe('EMPTY');
    expect(codeOf(() => assertTextLooksLikeText(new Uint8Array()))).toBe('EMPTY');
    expect(codeOf(() => assertTextLooksLikeText(new TextEncoder().encode('  \n ')))).toBe('EMPTY');
  });

  it('rejects input over 2 MB as TOO_LARGE, counting bytes rather than characters', () => {
    expect(codeOf(() => assertTextLooksLikeText('a'.repeat(MAX_IMPORT_BYTES)))).toBeUndefined();
    expect(codeOf(() => assertTextLooksLikeText('a'.repeat(MAX_IMPORT_BYTES + 1)))).toBe('TOO_LARGE');
    // 1 Mi characters of 'é' are exactly 2 MB; one more ASCII byte is too many.
    expect(codeOf(() => assertTextLooksLikeText('é'.repeat(MAX_IMPORT_BYTES / 2)))).toBeUndefined();
    expect(codeOf(() => assertTextLooksLikeText(`${'é'.repeat(MAX_IMPORT_BYTES / 2)}a`))).toBe('TOO_LARGE');
    expect(codeOf(() => assertTextLooksLikeText(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65)))).toBe('TOO_LARGE');
  });

  it('rejects NUL bytes and control-character noise as BINARY', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(codeOf(() => assertTextLooksLikeText(png))).toBe('BINARY');
    expect(codeOf(() => assertTextLooksLikeText('text\u0000more'))).toBe('BINARY');
    const noisy = Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? '\u0001' : 'x')).join('');
    expect(codeOf(() => assertTextLooksLikeText(noisy))).toBe('BINARY');
    // Binary decoded as UTF-8 turns into replacement characters.
    expect(codeOf(() => assertTextLooksLikeText('\ufffd\ufffdab\ufffd'))).toBe('BINARY');
  });

  it('judges UTF-16 files (full of NUL bytes by design) after decoding', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Hi there').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(codeOf(() => assertTextLooksLikeText(utf16))).toBeUndefined();
    expect(decodeTextBytes(utf16)).toBe('Hi there');
  });
});

describe('decodeTextBytes and decodeBase64', () => {
  it('strips a UTF-8 BOM and honours a charset hint', () => {
    expect(decodeTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodeTextBytes(new Uint8Array([0x93, 0x51, 0x94]), 'windows-1252')).toBe('“Q”');
    expect(decodeTextBytes(new Uint8Array([0x41]), 'no-such-charset')).toBe('A');
  });

  it('decodes base64 to bytes', () => {
    expect(Array.from(decodeBase64('SGk='))).toEqual([72, 105]);
    expect(codeOf(() => decodeBase64('not base64!'))).toBe('BINARY');
  });
});
