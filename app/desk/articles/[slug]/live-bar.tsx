'use client';

import type { LiveStatus } from './use-live-workspace';
import type { PresentViewer } from './types';

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

type Props = { status: LiveStatus; viewers: PresentViewer[]; currentUserId: number };

/** Whether changes are arriving live, as a pill that screen readers hear change. */
export function LiveStatusPill({ status }: { status: LiveStatus }) {
  return (
    <p role="status" className={`ws-live-status ws-live-${status}`}>
      {STATUS_TEXT[status]}
    </p>
  );
}

/** Who else has this article open, and whether changes are arriving live. */
export function LiveBar({ status, viewers, currentUserId }: Props) {
  const others = viewers.filter((v) => v.userId !== currentUserId);
  return (
    <div className="ws-live">
      <LiveStatusPill status={status} />
      {others.length > 0 ? (
        <ul className="ws-viewers" aria-label="Also viewing">
          {others.map((viewer) => (
            <li key={viewer.userId} className="ws-viewer" title={viewer.name}>
              <span aria-hidden="true">{viewer.initials}</span>
              <span className="visually-hidden">{viewer.name}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted ws-viewers-none">Nobody else is viewing this article.</p>
      )}
    </div>
  );
}
