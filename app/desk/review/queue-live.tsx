'use client';

import { useSubscription } from '@trpc/tanstack-react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '../../_trpc/client';
import { LiveStatusPill } from '../articles/[slug]/live-bar';

const VERBS: Record<string, string> = {
  'verdict.proposed': 'proposed a verdict on',
  'verdict.withdrawn': 'withdrew the proposal on',
  'verdict.approved': 'approved',
  'verdict.returned': 'returned',
  'claim.dismissed': 'dismissed',
};

/**
 * Keeps an editor's queue current: each proposal or decision anywhere re-renders the queue
 * (one refresh per burst of events) and is announced politely to screen readers.
 */
export function QueueLive() {
  const trpc = useTRPC();
  const router = useRouter();
  const [latest, setLatest] = useState<string | null>(null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
  }, []);
  const events = useSubscription(
    trpc.live.reviewQueueEvents.subscriptionOptions(
      {},
      {
        onData: ({ data: event }) => {
          if (!('claim' in event)) return;
          const verb = VERBS[event.type] ?? 'changed';
          setLatest(`${event.actorName ?? 'Someone'} ${verb} “${event.claim.statement}”.`);
          if (refreshTimer.current) clearTimeout(refreshTimer.current);
          refreshTimer.current = setTimeout(() => router.refresh(), 250);
        },
      },
    ),
  );
  const status = events.status === 'pending' ? 'live' : events.status === 'connecting' ? 'connecting' : 'reconnecting';
  return (
    <div className="ws-live">
      <LiveStatusPill status={status} />
      <p aria-live="polite" className="muted">
        {latest ?? 'New proposals and decisions appear here as they happen.'}
      </p>
    </div>
  );
}
