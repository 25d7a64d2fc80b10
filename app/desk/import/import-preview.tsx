'use client';

import { useMutation } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { BOILERPLATE_REASON_LABELS, type BoilerplateReason } from '@/lib/article-import';
import { saveImportedArticleSchema } from '@/lib/schemas/articles';
import type { AppRouter } from '@/server/routers';
import { describeMutationError } from '../../_components/mutation-error';
import { useTRPC } from '../../_trpc/client';
import { describeValidationFailure, type FormFailure } from './import-failure';

export type ImportPreviewData = inferRouterOutputs<AppRouter>['articles']['previewImport'];

type Line = { text: string; isBoilerplate: boolean; reason: string | null };
type MetadataField = 'title' | 'dek' | 'publisher' | 'author' | 'url' | 'publishedAt' | 'language';
type Metadata = Record<MetadataField, string>;

const FIELDS_SUMMARY = 'Please correct the fields marked below.';

/** The date as an <input type="date"> value, read in UTC like the public pages show it. */
function formatDateInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : '';
}

function describeReason(reason: string | null): string {
  if (reason && reason in BOILERPLATE_REASON_LABELS) return BOILERPLATE_REASON_LABELS[reason as BoilerplateReason];
  return 'Looks like site boilerplate';
}

/** What the reviewer should know about a line, beside its checkbox. */
function describeLineDecision(line: Line, isKept: boolean): string | null {
  if (line.isBoilerplate) return isKept ? `Restored by you (flagged as: ${describeReason(line.reason)})` : `Left out: ${describeReason(line.reason)}`;
  return isKept ? null : 'Left out by you';
}

function readInitialLines(preview: ImportPreviewData): Line[] {
  // Every source classifies its lines; the fallback keeps the article reviewable if one does not.
  if (preview.classified.length > 0) return preview.classified;
  return preview.paragraphs.map((text) => ({ text, isBoilerplate: false, reason: null }));
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The extracted article, editable, with every candidate line keepable or removable, and "Save article". */
export function ImportPreview({ preview }: { preview: ImportPreviewData }) {
  const trpc = useTRPC();
  const router = useRouter();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [lines, setLines] = useState(() => readInitialLines(preview));
  const [isKept, setIsKept] = useState(() => lines.map((line) => !line.isBoilerplate));
  const [focusTargetId, setFocusTargetId] = useState<string | null>(null);
  const [metadata, setMetadata] = useState<Metadata>(() => ({
    title: preview.title,
    dek: preview.dek ?? '',
    publisher: preview.publisher ?? '',
    author: preview.author ?? '',
    url: preview.url ?? '',
    publishedAt: formatDateInputValue(preview.publishedAt),
    language: preview.language ?? '',
  }));
  const [localFailure, setLocalFailure] = useState<FormFailure | null>(null);
  const save = useMutation(
    trpc.articles.import.mutationOptions({
      onSuccess(article) {
        router.push(`/desk/articles/${article.slug}`);
      },
    }),
  );

  useEffect(() => {
    // A fresh preview appears below the form: take the reviewer (and the screen reader) there.
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (focusTargetId === null) return;
    document.getElementById(focusTargetId)?.focus();
    setFocusTargetId(null);
  }, [focusTargetId]);

  /** The parser took the first paragraph for a standfirst; the reviewer puts it back into the text. */
  function moveStandfirstIntoText() {
    const text = metadata.dek.trim();
    if (text === '') return;
    setLines((current) => [{ text, isBoilerplate: false, reason: null }, ...current]);
    setIsKept((current) => [true, ...current]);
    setMetadata((current) => ({ ...current, dek: '' }));
    // The button disappears with the standfirst; the focus goes to the line it became.
    setFocusTargetId('import-line-0');
  }

  const failure = localFailure ?? (save.error ? describeMutationError(save.error) : null);
  const keptCount = isKept.filter(Boolean).length;
  const droppedCount = lines.length - keptCount;

  function readPublishedAt(): Date | null {
    if (metadata.publishedAt === '') return null;
    // An unchanged date keeps the time of day the source gave.
    if (metadata.publishedAt === formatDateInputValue(preview.publishedAt)) return preview.publishedAt;
    const date = new Date(`${metadata.publishedAt}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : date;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || save.isSuccess) return;
    setLocalFailure(null);
    save.reset();
    const input = {
      title: metadata.title,
      dek: orNull(metadata.dek),
      paragraphs: lines.filter((_, index) => isKept[index]).map((line) => line.text),
      publisher: orNull(metadata.publisher),
      author: orNull(metadata.author),
      url: orNull(metadata.url),
      publishedAt: readPublishedAt(),
      language: orNull(metadata.language),
    };
    const checked = saveImportedArticleSchema.safeParse(input);
    if (!checked.success) {
      setLocalFailure(describeValidationFailure(checked.error, FIELDS_SUMMARY));
      return;
    }
    save.mutate(input);
  }

  const errorFor = (field: string) => failure?.fieldErrors[field]?.[0] ?? null;
  const describedBy = (field: string, hintId?: string) =>
    [hintId, errorFor(field) ? `import-review-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: string): ReactNode => {
    const message = errorFor(field);
    return message ? (
      <p id={`import-review-${field}-error`} className="field-error">
        {message}
      </p>
    ) : null;
  };

  const textField = (field: MetadataField, label: string, options: { type?: string; hint?: string; inputMode?: 'url' } = {}) => (
    <div className="field">
      <label htmlFor={`import-review-${field}`}>{label}</label>
      {options.hint ? (
        <p id={`import-review-${field}-hint`} className="import-hint">
          {options.hint}
        </p>
      ) : null}
      <input
        id={`import-review-${field}`}
        type={options.type ?? 'text'}
        inputMode={options.inputMode}
        value={metadata[field]}
        onChange={(event) => setMetadata((current) => ({ ...current, [field]: event.target.value }))}
        aria-invalid={errorFor(field) ? true : undefined}
        aria-describedby={describedBy(field, options.hint ? `import-review-${field}-hint` : undefined)}
      />
      {fieldError(field)}
    </div>
  );

  return (
    <section className="import-preview" aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading" ref={headingRef} tabIndex={-1}>
        Check the article before saving
      </h2>
      <p className="import-hint">
        Nothing has been saved yet. Correct the details, untick any line that is not part of the article and tick any
        line that was left out by mistake, then choose “Save article”.
      </p>
      <form className="import-review" aria-label="Imported article" onSubmit={onSubmit} noValidate>
        <div className="import-metadata">
          <div className="field import-field-wide">
            <label htmlFor="import-review-title">Title</label>
            <input
              id="import-review-title"
              value={metadata.title}
              onChange={(event) => setMetadata((current) => ({ ...current, title: event.target.value }))}
              aria-invalid={errorFor('title') ? true : undefined}
              aria-describedby={describedBy('title')}
              required
            />
            {fieldError('title')}
          </div>
          <div className="field import-field-wide">
            <label htmlFor="import-review-dek">Standfirst (dek)</label>
            <textarea
              id="import-review-dek"
              rows={2}
              value={metadata.dek}
              onChange={(event) => setMetadata((current) => ({ ...current, dek: event.target.value }))}
              aria-invalid={errorFor('dek') ? true : undefined}
              aria-describedby={describedBy('dek')}
            />
            {fieldError('dek')}
            {metadata.dek.trim() !== '' ? (
              <p className="import-field-action">
                <button type="button" className="button button-small button-secondary" onClick={moveStandfirstIntoText}>
                  Move the standfirst into the article text
                </button>
              </p>
            ) : null}
          </div>
          {textField('publisher', 'Publisher')}
          {textField('author', 'Author')}
          {textField('url', 'Original web address', { type: 'url', inputMode: 'url' })}
          {textField('publishedAt', 'Publication date', { type: 'date' })}
          {textField('language', 'Language', { hint: 'A language tag such as en, fr or pt-BR.' })}
        </div>

        <fieldset className="import-lines-fieldset" aria-describedby="import-lines-count">
          <legend>Paragraphs</legend>
          <p id="import-lines-count" role="status" className="import-hint">
            {`${keptCount} of ${lines.length} ${lines.length === 1 ? 'line' : 'lines'} kept`}
            {droppedCount > 0 ? `, ${droppedCount} left out.` : '.'}
          </p>
          {fieldError('paragraphs')}
          <ol className="import-lines">
            {lines.map((line, index) => {
              const id = `import-line-${index}`;
              const decision = describeLineDecision(line, isKept[index] ?? false);
              return (
                <li key={id} className={isKept[index] ? 'import-line' : 'import-line import-line-dropped'}>
                  <span className="import-line-toggle">
                    <input
                      type="checkbox"
                      id={id}
                      checked={isKept[index] ?? false}
                      onChange={(event) => {
                        const checked = event.target.checked;
                        setIsKept((current) => current.map((value, i) => (i === index ? checked : value)));
                      }}
                      aria-describedby={decision ? `${id}-text ${id}-decision` : `${id}-text`}
                    />
                    <label htmlFor={id}>
                      Keep<span className="visually-hidden"> line {index + 1}</span>
                    </label>
                  </span>
                  <span className="import-line-body">
                    <span id={`${id}-text`} className="import-line-text">
                      {line.text}
                    </span>
                    {decision ? (
                      <span id={`${id}-decision`} className="import-line-decision">
                        {decision}
                      </span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ol>
        </fieldset>

        {failure ? (
          <p role="alert" className="form-error">
            {failure.message}
          </p>
        ) : null}
        {save.isSuccess ? (
          <p role="status" className="form-success">
            Saved. Opening the article…
          </p>
        ) : null}
        <div className="import-actions">
          <button type="submit" className="button" disabled={save.isPending || save.isSuccess}>
            Save article
          </button>
          {save.isPending ? <span className="import-hint">Saving…</span> : null}
        </div>
      </form>
    </section>
  );
}
