// What a reviewer can import from, validated the same way by the import form and the tRPC
// procedure. Messages are shown next to the form fields, so they say what to do.

import { z } from 'zod';
import { MAX_IMPORT_BYTES, measureUtf8Bytes } from './import-error';

export const IMPORT_FILE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;
export type ImportFileFormat = 'plain' | 'markdown' | 'html';

const FORMAT_BY_EXTENSION: Record<(typeof IMPORT_FILE_EXTENSIONS)[number], ImportFileFormat> = {
  '.txt': 'plain',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

/** The parser a file name calls for, or null when the extension is not importable. */
export function detectFileFormat(fileName: string): ImportFileFormat | null {
  const lower = fileName.trim().toLowerCase();
  const extension = IMPORT_FILE_EXTENSIONS.find((ext) => lower.endsWith(ext) && lower.length > ext.length);
  return extension ? FORMAT_BY_EXTENSION[extension] : null;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const SIZE_MESSAGE = 'This is larger than 2 MB. Import the article text only.';
// Base64 grows content by 4/3; the small margin covers padding and line breaks.
const MAX_BASE64_LENGTH = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024;

function articleContent(emptyMessage: string) {
  return z
    .string({ error: emptyMessage })
    .refine((value) => value.trim() !== '', { error: emptyMessage, abort: true })
    .refine((value) => measureUtf8Bytes(value) <= MAX_IMPORT_BYTES, { error: SIZE_MESSAGE });
}

export const httpUrlSchema = z
  .string({ error: 'Enter the web address of the article.' })
  .trim()
  .min(1, { error: 'Enter the web address of the article.' })
  .max(2048, { error: 'This web address is too long (2,048 characters at most).' })
  .refine(isHttpUrl, { error: 'Enter a full web address starting with http:// or https://' });

export const textImportSourceSchema = z.object({
  kind: z.literal('text'),
  text: articleContent('Paste the article text.'),
  /** Pasted Markdown is parsed as Markdown; plain text is the default. */
  format: z.enum(['plain', 'markdown'], { error: 'Choose plain text or Markdown.' }).optional(),
});

export const htmlImportSourceSchema = z.object({
  kind: z.literal('html'),
  html: articleContent('Paste the page’s HTML.'),
  url: httpUrlSchema.optional(),
});

export const fileImportSourceSchema = z
  .object({
    kind: z.literal('file'),
    fileName: z
      .string({ error: 'Choose a file.' })
      .trim()
      .min(1, { error: 'Choose a file.' })
      .max(255, { error: 'The file name is too long.' })
      .refine((name) => detectFileFormat(name) !== null, {
        error: 'Only .txt, .md, .markdown, .html and .htm files can be imported.',
      }),
    /** The file as read by the browser (FileReader.readAsText)… */
    text: articleContent('The file is empty.').optional(),
    /** …or its raw bytes, so the server can detect binary content and the encoding. */
    contentBase64: z
      .string()
      .max(MAX_BASE64_LENGTH, { error: 'The file is larger than 2 MB.' })
      .refine((value) => /^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(value), { error: 'The file content is not valid base64.' })
      .optional(),
  })
  .refine((file) => (file.text === undefined) !== (file.contentBase64 === undefined), {
    error: 'Send the file content either as text or as base64, not both or neither.',
    path: ['contentBase64'],
  });

export const urlImportSourceSchema = z.object({
  kind: z.literal('url'),
  url: httpUrlSchema,
});

export const importSourceSchema = z.discriminatedUnion(
  'kind',
  [textImportSourceSchema, htmlImportSourceSchema, fileImportSourceSchema, urlImportSourceSchema],
  { error: (issue) => (issue.code === 'invalid_union' ? 'Choose what to import from: text, HTML, a file or a web address.' : undefined) },
);

export type ImportSource = z.output<typeof importSourceSchema>;
export type ImportSourceInput = z.input<typeof importSourceSchema>;
