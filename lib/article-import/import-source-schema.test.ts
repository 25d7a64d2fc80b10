import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from './import-error';
import { detectFileFormat, importSourceSchema } from './import-source-schema';

const messagesOf = (input: unknown) => importSourceSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('importSourceSchema', () => {
  it('accepts each kind of source', () => {
    expect(importSourceSchema.parse({ kind: 'text', text: 'Title\nBody.' })).toEqual({ kind: 'text', text: 'Title\nBody.' });
    expect(importSourceSchema.parse({ kind: 'text', text: '# T', format: 'markdown' }).kind).toBe('text');
    expect(importSourceSchema.parse({ kind: 'html', html: '<p>x</p>', url: 'https://example.org/a' }).kind).toBe('html');
    expect(importSourceSchema.parse({ kind: 'file', fileName: 'story.MD', contentBase64: 'IyBUaXRsZQ==' }).kind).toBe('file');
    expect(importSourceSchema.parse({ kind: 'file', fileName: 'story.htm', text: '<p>x</p>' }).kind).toBe('file');
    expect(importSourceSchema.parse({ kind: 'url', url: '  https://example.org/news/1  ' })).toEqual({
      kind: 'url',
      url: 'https://example.org/news/1',
    });
  });

  it('explains an unknown kind', () => {
    expect(messagesOf({ kind: 'pdf' })).toEqual(['Choose what to import from: text, HTML, a file or a web address.']);
  });

  it('rejects empty and oversized text with clear messages', () => {
    expect(messagesOf({ kind: 'text', text: '  \n ' })).toEqual(['Paste the article text.']);
    expect(messagesOf({ kind: 'text', text: 'a'.repeat(MAX_IMPORT_BYTES + 1) })).toEqual([
      'This is larger than 2 MB. Import the article text only.',
    ]);
  });

  it('accepts only http and https addresses', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/a', 'example.org/news', '']) {
      expect(importSourceSchema.safeParse({ kind: 'url', url }).success, url).toBe(false);
    }
    expect(messagesOf({ kind: 'url', url: 'ftp://example.org/a' })).toEqual(['Enter a full web address starting with http:// or https://']);
    expect(messagesOf({ kind: 'html', html: '<p>x</p>', url: 'data:text/html,x' })).toEqual([
      'Enter a full web address starting with http:// or https://',
    ]);
  });

  it('accepts only .txt, .md, .markdown, .html and .htm files, with exactly one content field', () => {
    expect(messagesOf({ kind: 'file', fileName: 'report.pdf', contentBase64: 'AAAA' })).toEqual([
      'Only .txt, .md, .markdown, .html and .htm files can be imported.',
    ]);
    expect(messagesOf({ kind: 'file', fileName: 'a.txt' })).toEqual(['Send the file content either as text or as base64, not both or neither.']);
    expect(messagesOf({ kind: 'file', fileName: 'a.txt', text: 'x', contentBase64: 'eA==' })).toHaveLength(1);
    expect(messagesOf({ kind: 'file', fileName: 'a.txt', contentBase64: '@@@' })).toEqual(['The file content is not valid base64.']);
  });
});

describe('detectFileFormat', () => {
  it.each([
    ['notes.txt', 'plain'],
    ['Story.MARKDOWN', 'markdown'],
    ['story.md', 'markdown'],
    ['page.HTM', 'html'],
    ['page.html', 'html'],
    ['.txt', null],
    ['archive.txt.zip', null],
    ['image.png', null],
  ])('%s → %s', (name, format) => {
    expect(detectFileFormat(name)).toBe(format);
  });
});
