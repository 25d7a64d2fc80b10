'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef, useState } from 'react';
import { useTRPC } from '../../../_trpc/client';
import type { ClaimDetailData, ClaimSummary, LiveEvent, PresentViewer, WorkspaceData } from './types';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

function byTextOrder(a: ClaimSummary, b: ClaimSummary) {
  return a.selectors.position.start - b.selectors.position.start || a.id - b.id;
}

/** Puts `claim` into the list unless the list already holds the same or a newer version. */
function upsertClaim(claims: ClaimSummary[], claim: ClaimSummary): ClaimSummary[] {
  const existing = claims.find((c) => c.id === claim.id);
  if (existing && existing.version > claim.version) return claims;
  const rest = claims.filter((c) => c.id !== claim.id);
  return [...rest, claim].sort(byTextOrder);
}

function patchWorkspace(data: WorkspaceData, event: LiveEvent): WorkspaceData {
  switch (event.type) {
    case 'claim.created':
    case 'claim.edited':
    case 'claim.assigned':
    case 'verdict.proposed':
    case 'verdict.withdrawn':
    case 'verdict.approved':
    case 'verdict.returned':
    case 'claim.dismissed':
      return { ...data, claims: upsertClaim(data.claims, event.claim) };
    case 'checklist.changed':
      return {
        ...data,
        claims: data.claims.map((c) =>
          c.id === event.claimId && c.version < event.claimVersion ? { ...c, version: event.claimVersion } : c,
        ),
      };
    case 'article.revised':
      // The new text comes with the refetch the hook starts on this event.
      return data;
    default:
      return {
        ...data,
        claims: data.claims.map((c) =>
          c.id === event.annotation.claimId ? { ...c, annotationCount: event.annotationCount } : c,
        ),
      };
  }
}

function patchDetail(detail: ClaimDetailData, event: LiveEvent): ClaimDetailData {
  const newerClaim = (claim: ClaimSummary) => (claim.version >= detail.claim.version ? claim : detail.claim);
  switch (event.type) {
    case 'claim.created':
    case 'claim.edited':
    case 'claim.assigned':
      return { ...detail, claim: newerClaim(event.claim) };
    case 'checklist.changed':
      if (event.claimVersion < detail.claim.version) return detail;
      return { ...detail, checklist: event.checklist, claim: { ...detail.claim, version: event.claimVersion } };
    case 'verdict.proposed':
    case 'verdict.withdrawn':
    case 'verdict.approved':
    case 'verdict.returned':
    case 'claim.dismissed': {
      const verdict = event.verdict;
      const verdicts = verdict
        ? [...detail.verdicts.filter((v) => v.id !== verdict.id), verdict].sort((a, b) => a.versionNumber - b.versionNumber)
        : detail.verdicts.map((v) => (v.status === 'pending' ? { ...v, status: 'returned' as const } : v));
      return { ...detail, claim: newerClaim(event.claim), verdicts };
    }
    case 'article.revised':
      return detail;
    default: {
      const incoming = event.annotation;
      const existing = detail.annotations.find((a) => a.id === incoming.id);
      if (existing && existing.version > incoming.version) return detail;
      const annotations = existing
        ? detail.annotations.map((a) => (a.id === incoming.id ? incoming : a))
        : [...detail.annotations, incoming];
      return { ...detail, annotations, claim: { ...detail.claim, annotationCount: event.annotationCount } };
    }
  }
}

function claimIdOf(event: LiveEvent): number | null {
  if ('claim' in event) return event.claim.id;
  if ('annotation' in event) return event.annotation.claimId;
  if (event.type === 'article.revised') return null;
  return event.claimId;
}

/**
 * Keeps the workspace current: applies each change other people make to the cached article
 * and claim, without refetching, and reports who else is here and whether the stream is up.
 */
export function useLiveWorkspace(slug: string, articleId: number, initialCursor: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Subscribe once from what the page loaded; reconnects resume from the last event seen.
  const [cursor] = useState(() => String(initialCursor));
  const hasConnected = useRef(false);
  const [viewers, setViewers] = useState<PresentViewer[]>([]);

  const events = useSubscription(
    trpc.live.articleEvents.subscriptionOptions(
      { articleId, lastEventId: cursor },
      {
        onStarted: () => {
          hasConnected.current = true;
        },
        onData: ({ data: event }) => {
          if (event.type === 'article.revised') {
            void queryClient.invalidateQueries({ queryKey: trpc.articles.workspace.queryKey({ slug }) });
          }
          queryClient.setQueryData(trpc.articles.workspace.queryKey({ slug }), (old) =>
            old ? patchWorkspace(old, event) : old,
          );
          const claimId = claimIdOf(event);
          if (claimId === null) return;
          queryClient.setQueryData(trpc.claims.detail.queryKey({ claimId }), (old) =>
            old ? patchDetail(old, event) : old,
          );
        },
      },
    ),
  );
  const presence = useSubscription(
    trpc.live.presence.subscriptionOptions({ articleId }, { onData: (data) => setViewers(data.viewers) }),
  );

  const isUp = events.status === 'pending' && presence.status === 'pending';
  const status: LiveStatus = isUp ? 'live' : hasConnected.current ? 'reconnecting' : 'connecting';
  return { status, viewers };
}
