'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import type { TextSelectors } from '@/lib/anchoring';
import { useTRPC } from '../../../_trpc/client';
import { ArticleText, type HighlightRange } from './article-text';
import { ClaimDetail } from './claim-detail';
import { ClaimForm } from './claim-form';
import { ClaimList } from './claim-list';
import { LiveBar } from './live-bar';
import type { StaffMember, WorkspaceData, WorkspaceUser } from './types';
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
  const selectedClaimId = Number(searchParams.get('claim')) || null;

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
          onMark={setDraft}
        />
      </section>
      <aside className="ws-panel" aria-label="Claims panel">
        {draft ? (
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
          />
        ) : (
          <ClaimList claims={claims} currentUserId={currentUser.id} onOpen={selectClaim} />
        )}
      </aside>
    </div>
    </>
  );
}
