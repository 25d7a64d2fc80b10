'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportSourceInput } from '@/lib/article-import';
import { useTRPC } from '../../_trpc/client';
import { describeImportFailure } from './import-failure';
import { ImportPreview, type ImportPreviewData } from './import-preview';
import { ImportSourceForm, type SourceKind } from './import-source-form';

/** The import page's client part: choose a source, check the extracted article, save it. */
export function ImportWorkbench() {
  const trpc = useTRPC();
  const [submittedKind, setSubmittedKind] = useState<SourceKind>('text');
  const [preview, setPreview] = useState<ImportPreviewData | null>(null);
  // A new key per preview: the review form starts afresh and takes the focus.
  const [previewKey, setPreviewKey] = useState(0);
  const previewImport = useMutation(
    trpc.articles.previewImport.mutationOptions({
      onMutate() {
        // A preview of another source replaces the one on screen; never save a stale one.
        setPreview(null);
      },
      onSuccess(data) {
        setPreview(data);
        setPreviewKey((key) => key + 1);
      },
    }),
  );

  function requestPreview(source: ImportSourceInput) {
    setSubmittedKind(source.kind);
    previewImport.mutate(source);
  }

  return (
    <div className="import-workbench">
      <ImportSourceForm
        isPending={previewImport.isPending}
        serverFailure={previewImport.error ? { kind: submittedKind, failure: describeImportFailure(previewImport.error) } : null}
        onPreview={requestPreview}
        onClearServerFailure={() => previewImport.reset()}
      />
      {preview ? <ImportPreview key={previewKey} preview={preview} /> : null}
    </div>
  );
}
