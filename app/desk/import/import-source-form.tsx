'use client';

import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  detectFileFormat,
  IMPORT_FILE_EXTENSIONS,
  importSourceSchema,
  MAX_IMPORT_BYTES,
  type ImportSourceInput,
} from '@/lib/article-import';
import { describeValidationFailure, hasFieldError, type FormFailure } from './import-failure';
import { readFileAsBase64 } from './read-file-as-base64';

export type SourceKind = ImportSourceInput['kind'];

const SOURCE_TABS: { kind: SourceKind; label: string }[] = [
  { kind: 'text', label: 'Paste text' },
  { kind: 'html', label: 'Paste HTML' },
  { kind: 'file', label: 'Upload a file' },
  { kind: 'url', label: 'From a web address' },
];

const ERROR_ID = 'import-source-error';
const FILE_EXTENSIONS_TEXT = 'a .txt, .md, .markdown, .html or .htm file';

/** Refuses a file the server would refuse, before reading and sending 2 MB for nothing. */
function checkFileBeforeSending(file: File): string | null {
  if (detectFileFormat(file.name) === null) return 'Only .txt, .md, .markdown, .html and .htm files can be imported.';
  if (file.size === 0) return 'The file is empty. Choose the file that holds the article.';
  if (file.size > MAX_IMPORT_BYTES) {
    return 'This file is larger than 2 MB, which is more than any article needs. Import the article text only.';
  }
  return null;
}

type Props = {
  isPending: boolean;
  /** The server's refusal of the last preview, and the source it was for. */
  serverFailure: { kind: SourceKind; failure: FormFailure } | null;
  onPreview: (source: ImportSourceInput) => void;
  /** Clears the last server refusal once the reviewer acts again, so it never describes another file. */
  onClearServerFailure: () => void;
};

/** Where the article comes from: four sources as tabs, one shared "Preview" button. */
export function ImportSourceForm({ isPending, serverFailure, onPreview, onClearServerFailure }: Props) {
  const [activeKind, setActiveKind] = useState<SourceKind>('text');
  const [text, setText] = useState('');
  const [textFormat, setTextFormat] = useState<'plain' | 'markdown'>('plain');
  const [html, setHtml] = useState('');
  const [htmlUrl, setHtmlUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [isReadingFile, setIsReadingFile] = useState(false);
  const [localFailure, setLocalFailure] = useState<{ kind: SourceKind; failure: FormFailure } | null>(null);
  const tabRefs = useRef(new Map<SourceKind, HTMLButtonElement>());

  // The newest refusal wins: a local one is cleared on every submit, a server one on every new preview.
  const shown = localFailure ?? serverFailure;
  const failure = shown && shown.kind === activeKind ? shown.failure : null;
  const isBusy = isPending || isReadingFile;

  /**
   * Links a field to its hint and, when the shown error concerns it, to the error. An error
   * without field details (a server refusal) concerns the source's main field.
   */
  const describeField = (kind: SourceKind, hintId: string | null, fields: string[], isMainField: boolean) => {
    const isInvalid =
      failure !== null &&
      kind === activeKind &&
      (hasFieldError(failure, ...fields) || (isMainField && Object.keys(failure.fieldErrors).length === 0));
    const ids = [hintId, isInvalid ? ERROR_ID : null].filter(Boolean).join(' ');
    return { 'aria-describedby': ids === '' ? undefined : ids, 'aria-invalid': isInvalid ? true : undefined };
  };

  function selectTab(kind: SourceKind, shouldFocus: boolean) {
    setActiveKind(kind);
    if (shouldFocus) tabRefs.current.get(kind)?.focus();
  }

  function onTabKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = SOURCE_TABS.findIndex((tab) => tab.kind === activeKind);
    const last = SOURCE_TABS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    selectTab(SOURCE_TABS[next]!.kind, true);
  }

  function refuse(kind: SourceKind, failure: FormFailure) {
    setLocalFailure({ kind, failure });
  }

  function onFileChange(chosen: File | null) {
    setFile(chosen);
    onClearServerFailure();
    const problem = chosen ? checkFileBeforeSending(chosen) : null;
    setLocalFailure(problem ? { kind: 'file', failure: { message: problem, fieldErrors: { fileName: [problem] } } } : null);
  }

  async function buildSource(kind: SourceKind): Promise<ImportSourceInput | FormFailure> {
    switch (kind) {
      case 'text':
        return { kind: 'text', text, format: textFormat };
      case 'html':
        return { kind: 'html', html, url: htmlUrl.trim() === '' ? undefined : htmlUrl.trim() };
      case 'url':
        return { kind: 'url', url };
      case 'file': {
        if (!file) return { message: `Choose ${FILE_EXTENSIONS_TEXT} to upload.`, fieldErrors: { fileName: ['Choose a file.'] } };
        const problem = checkFileBeforeSending(file);
        if (problem) return { message: problem, fieldErrors: { fileName: [problem] } };
        setIsReadingFile(true);
        try {
          return { kind: 'file', fileName: file.name, contentBase64: await readFileAsBase64(file) };
        } catch {
          const message = 'The file could not be read. Choose it again, or paste its text instead.';
          return { message, fieldErrors: { fileName: [message] } };
        } finally {
          setIsReadingFile(false);
        }
      }
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    const kind = activeKind;
    setLocalFailure(null);
    onClearServerFailure();
    const built = await buildSource(kind);
    if (!('kind' in built)) return refuse(kind, built);
    const checked = importSourceSchema.safeParse(built);
    if (!checked.success) return refuse(kind, describeValidationFailure(checked.error));
    onPreview(built);
  }

  const panelProps = (kind: SourceKind) => ({
    role: 'tabpanel',
    id: `import-panel-${kind}`,
    'aria-labelledby': `import-tab-${kind}`,
    hidden: activeKind !== kind,
    className: 'import-panel',
  });

  return (
    <form className="import-source" aria-label="Article source" onSubmit={onSubmit} noValidate>
      <div role="tablist" aria-label="Import from" className="import-tabs" onKeyDown={onTabKeyDown}>
        {SOURCE_TABS.map((tab) => (
          <button
            key={tab.kind}
            ref={(element) => {
              if (element) tabRefs.current.set(tab.kind, element);
              else tabRefs.current.delete(tab.kind);
            }}
            type="button"
            role="tab"
            id={`import-tab-${tab.kind}`}
            aria-selected={activeKind === tab.kind}
            aria-controls={`import-panel-${tab.kind}`}
            tabIndex={activeKind === tab.kind ? 0 : -1}
            className="import-tab"
            onClick={() => selectTab(tab.kind, false)}
          >
            {tab.label}
          </button>
        ))}
      </div>

      <div {...panelProps('text')}>
        <div className="field">
          <label htmlFor="import-text">Article text</label>
          <p id="import-text-hint" className="import-hint">
            Paste the whole article as you copied it. The first line becomes the title; newsletter prompts, bylines and
            links to other stories are flagged for you to check.
          </p>
          <textarea
            id="import-text"
            rows={12}
            value={text}
            onChange={(event) => setText(event.target.value)}
            {...describeField('text', 'import-text-hint', ['text'], true)}
          />
        </div>
        <fieldset className="import-format">
          <legend>The text is</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="import-text-format"
              value="plain"
              checked={textFormat === 'plain'}
              onChange={() => setTextFormat('plain')}
            />
            Plain text
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="import-text-format"
              value="markdown"
              checked={textFormat === 'markdown'}
              onChange={() => setTextFormat('markdown')}
            />
            Markdown
          </label>
        </fieldset>
      </div>

      <div {...panelProps('html')}>
        <div className="field">
          <label htmlFor="import-html">Page HTML</label>
          <p id="import-html-hint" className="import-hint">
            Paste the page source (for example from “View page source”). Scripts, styles and page furniture are removed.
          </p>
          <textarea
            id="import-html"
            className="import-code"
            rows={12}
            value={html}
            spellCheck={false}
            onChange={(event) => setHtml(event.target.value)}
            {...describeField('html', 'import-html-hint', ['html'], true)}
          />
        </div>
        <div className="field">
          <label htmlFor="import-html-url">Original web address (optional)</label>
          <input
            id="import-html-url"
            type="url"
            inputMode="url"
            value={htmlUrl}
            placeholder="https://"
            onChange={(event) => setHtmlUrl(event.target.value)}
            {...describeField('html', null, ['url'], false)}
          />
        </div>
      </div>

      <div {...panelProps('file')}>
        <div className="field">
          <label htmlFor="import-file">Article file</label>
          <p id="import-file-hint" className="import-hint">
            {`Choose ${FILE_EXTENSIONS_TEXT} of at most 2 MB.`}
          </p>
          <input
            id="import-file"
            type="file"
            accept={[...IMPORT_FILE_EXTENSIONS, 'text/plain', 'text/markdown', 'text/html'].join(',')}
            onChange={(event) => onFileChange(event.target.files?.[0] ?? null)}
            {...describeField('file', 'import-file-hint', ['fileName', 'text', 'contentBase64'], true)}
          />
        </div>
      </div>

      <div {...panelProps('url')}>
        <div className="field">
          <label htmlFor="import-url">Web address of the article</label>
          <p id="import-url-hint" className="import-hint">
            Factdesk fetches the page once and keeps only the article text.
          </p>
          <input
            id="import-url"
            type="url"
            inputMode="url"
            value={url}
            placeholder="https://"
            onChange={(event) => setUrl(event.target.value)}
            {...describeField('url', 'import-url-hint', ['url'], true)}
          />
        </div>
      </div>

      {failure ? (
        <p id={ERROR_ID} role="alert" className="form-error import-source-error">
          {failure.message}
        </p>
      ) : null}
      <div className="import-actions">
        <button type="submit" className="button" disabled={isBusy} aria-describedby="import-preview-note">
          Preview import
        </button>
        <span id="import-preview-note" className="import-hint">
          Nothing is saved until you choose “Save article”.
        </span>
      </div>
      {isBusy ? (
        <p role="status" className="import-hint">
          {isReadingFile ? 'Reading the file…' : 'Extracting the article…'}
        </p>
      ) : null}
    </form>
  );
}
