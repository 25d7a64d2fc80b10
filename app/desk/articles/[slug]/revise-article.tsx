'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { diffParagraphs } from '@/lib/article-diff';
import { describeMutationError } from '../../../_components/mutation-error';
import { useTRPC } from '../../../_trpc/client';
import { ParagraphDiff } from './paragraph-diff';
import type { WorkspaceData } from './types';

type Article = WorkspaceData['article'];
type Props = { article: Article; slug: string; onClose: () => void };
type Source = 'text' | 'url';
type Preview = { title: string; dek: string | null; paragraphs: string[] };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Stores a new revision of the article: from pasted text or a fresh fetch of its web address,
 * previewed as a paragraph diff before it is saved. Saving re-anchors every claim.
 */
export function ReviseArticle({ article, slug, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [source, setSource] = useState<Source>('text');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const load = useMutation(
    trpc.articles.previewImport.mutationOptions({
      onSuccess: (result) => setPreview({ title: result.title, dek: result.dek, paragraphs: result.paragraphs }),
    }),
  );
  const revise = useMutation(
    trpc.articles.revise.mutationOptions({
      async onSuccess(result) {
        const { exact, moved, fuzzy, orphan } = result.anchorCounts;
        setSaved(
          `Revision ${result.revisionNumber} saved. Claims: ${exact} unchanged, ${moved} moved, ${fuzzy} matched approximately, ${orphan} orphaned.`,
        );
        setPreview(null);
        setText('');
        await queryClient.invalidateQueries({ queryKey: trpc.articles.workspace.queryKey({ slug }) });
      },
    }),
  );
  const ops = useMemo(() => (preview ? diffParagraphs(article.paragraphs, preview.paragraphs) : []), [article.paragraphs, preview]);
  const counts = {
    changed: ops.filter((op) => op.kind === 'changed').length,
    added: ops.filter((op) => op.kind === 'added').length,
    removed: ops.filter((op) => op.kind === 'removed').length,
  };
  const failure = load.error ?? revise.error;

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    revise.reset();
    if (source === 'url' && article.url) load.mutate({ kind: 'url', url: article.url });
    else load.mutate({ kind: 'text', text });
  }

  return (
    <section className="ws-revise" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Revise the article</h2>
      <p className="muted">
        Now at revision {article.revisionNumber}.{' '}
        <Link href={`/desk/articles/${slug}/revisions`}>Revision history</Link>
      </p>
      {saved ? (
        <p role="status" className="form-success">
          {saved}
        </p>
      ) : null}
      <form className="form" onSubmit={onPreview} aria-label="New revision" noValidate>
        <fieldset className="ws-kind">
          <legend>Take the new text from</legend>
          <label className="checkbox">
            <input type="radio" name="source" checked={source === 'text'} onChange={() => setSource('text')} /> Pasted text
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="source"
              checked={source === 'url'}
              disabled={!article.url}
              onChange={() => setSource('url')}
            />{' '}
            {article.url ? `A fresh copy of ${article.url}` : 'Its web address (this article has none)'}
          </label>
        </fieldset>
        {source === 'text' ? (
          <div className="field">
            <label htmlFor={`${id}-text`}>New text, headline first, as copied from the page</label>
            <textarea id={`${id}-text`} rows={8} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
        ) : null}
        {failure ? (
          <p role="alert" className="form-error">
            {describeMutationError(failure).message}
          </p>
        ) : null}
        <div className="row-actions">
          <button type="submit" className="button button-small" disabled={load.isPending}>
            {load.isPending ? 'Loading…' : 'Preview changes'}
          </button>
          <button type="button" className="button button-small button-secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
      {preview ? (
        <div className="ws-revise-preview" aria-label="Preview of the revision" role="group">
          <p>
            {counts.changed + counts.added + counts.removed === 0 && preview.title === article.title
              ? 'The new text is the same as the current revision.'
              : `${plural(counts.changed, 'paragraph')} changed, ${counts.added} added, ${counts.removed} removed.`}
            {preview.title !== article.title ? ` New headline: “${preview.title}”.` : null}
          </p>
          <ParagraphDiff ops={ops} label="Paragraph changes in the new text" />
          <div className="row-actions">
            <button
              type="button"
              className="button button-small"
              disabled={revise.isPending}
              onClick={() =>
                revise.mutate({
                  articleId: article.id,
                  version: article.version,
                  title: preview.title,
                  dek: preview.dek ?? article.dek,
                  paragraphs: preview.paragraphs,
                })
              }
            >
              {revise.isPending ? 'Saving…' : `Save as revision ${article.revisionNumber + 1}`}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
