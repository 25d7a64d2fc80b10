'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import type { TextSelectors } from '@/lib/anchoring';
import { describeMutationError } from '../../../_components/mutation-error';
import { useTRPC } from '../../../_trpc/client';
import { ArticleText, type HighlightRange } from './article-text';
import { ClaimDetail } from './claim-detail';
import { ClaimForm } from './claim-form';
import { ClaimList } from './claim-list';
import { LiveBar } from './live-bar';
import { ReviseArticle } from './revise-article';
import type { ClaimSummary, StaffMember, WorkspaceData, WorkspaceUser } from './types';
import { useLiveWorkspace } from './use-live-workspace';

type Props = { slug: string; initialData: WorkspaceData; staff: StaffMember[]; currentUser: WorkspaceUser };

export function Workspace({ slug, initialData, staff, currentUser }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const workspace = useQuery({ ...trpc.articles.workspace.queryOptions({ slug }), initialData });
  const { article, claims } = workspace.data;
  const live = useLiveWorkspace(slug, article.id, initialData.eventCursor);
  const [draft, setDraft] = useState<TextSelectors | null>(null);
  const [isRevising, setIsRevising] = useState(false);
  // A claim whose anchor was lost, waiting for the reviewer to select its words again.
  const [reattaching, setReattaching] = useState<ClaimSummary | null>(null);
  const selectedClaimId = Number(searchParams.get('claim')) || null;
  const queryClient = useQueryClient();

  const selectClaim = useCallback(
    (claimId: number | null) => {
      setDraft(null);
      const params = new URLSearchParams(searchParams.toString());
      if (claimId) params.set('claim', String(claimId));
      else params.delete('claim');
      router.replace(`${pathname}${params.size ? `?${params}` : ''}`, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  const reattach = useMutation(
    trpc.claims.reattach.mutationOptions({
      async onSuccess(claim) {
        setReattaching(null);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.articles.workspace.queryKey({ slug }) }),
          queryClient.invalidateQueries({ queryKey: trpc.claims.detail.queryKey({ claimId: claim.id }) }),
        ]);
        selectClaim(claim.id);
      },
    }),
  );
  const onMark = useCallback(
    (selectors: TextSelectors) => {
      if (!reattaching) {
        setDraft(selectors);
        return;
      }
      // The list is kept current live, so its version is the newest this browser has seen.
      const version = claims.find((c) => c.id === reattaching.id)?.version ?? reattaching.version;
      reattach.mutate({ claimId: reattaching.id, version, selectors });
    },
    [claims, reattach, reattaching],
  );
  const startReattaching = useCallback((claim: ClaimSummary) => {
    reattach.reset();
    setDraft(null);
    setReattaching(claim);
  }, [reattach]);

  const highlights: HighlightRange[] = useMemo(
    () =>
      claims
        .filter((c) => c.anchorState !== 'orphan')
        .map((c) => ({
          id: c.id,
          start: c.selectors.position.start,
          end: c.selectors.position.end,
          status: c.status,
          statement: c.statement,
        })),
    [claims],
  );

  return (
    <>
      <LiveBar status={live.status} viewers={live.viewers} currentUserId={currentUser.id} />
      <div className="ws-layout">
      <section className="ws-main" aria-label="Article">
        <ArticleText
          title={article.title}
          paragraphs={article.paragraphs}
          highlights={highlights}
          selectedClaimId={selectedClaimId}
          onSelectClaim={selectClaim}
          onMark={onMark}
          markLabel={reattaching ? 'Attach here' : 'Mark as claim'}
        />
      </section>
      <aside className="ws-panel" aria-label="Claims panel">
        {reattaching ? (
          <section className="ws-reattach" aria-labelledby="reattach-heading">
            <h2 id="reattach-heading">Re-attach a claim</h2>
            <p>
              Select the words of the current text that “{reattaching.statement}” refers to, then press <kbd>M</kbd> or
              “Attach here”. Its discussion stays with it.
            </p>
            <p className="muted">Its quote was:</p>
            <blockquote className="ws-quote">{reattaching.selectors.quote.exact}</blockquote>
            {reattach.error ? (
              <p role="alert" className="form-error">
                {describeMutationError(reattach.error).message}
              </p>
            ) : null}
            <button type="button" className="button button-small button-secondary" onClick={() => setReattaching(null)}>
              Cancel re-attaching
            </button>
          </section>
        ) : isRevising ? (
          <ReviseArticle article={article} slug={slug} onClose={() => setIsRevising(false)} />
        ) : draft ? (
          <ClaimForm
            articleId={article.id}
            slug={slug}
            selectors={draft}
            staff={staff}
            onCancel={() => setDraft(null)}
            onCreated={(claimId) => selectClaim(claimId)}
          />
        ) : selectedClaimId ? (
          <ClaimDetail
            key={selectedClaimId}
            claimId={selectedClaimId}
            slug={slug}
            staff={staff}
            currentUser={currentUser}
            onClose={() => selectClaim(null)}
            onReattach={startReattaching}
          />
        ) : (
          <ClaimList
            claims={claims}
            currentUserId={currentUser.id}
            onOpen={selectClaim}
            onReattach={startReattaching}
            onRevise={() => setIsRevising(true)}
          />
        )}
      </aside>
    </div>
    </>
  );
}
