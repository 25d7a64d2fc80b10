import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers';

type Outputs = inferRouterOutputs<AppRouter>;

export type WorkspaceData = Outputs['articles']['workspace'];
export type ClaimSummary = WorkspaceData['claims'][number];
export type ClaimDetailData = Outputs['claims']['detail'];
export type AnnotationData = ClaimDetailData['annotations'][number];
export type StaffMember = Outputs['desk']['staff'][number];
export type WorkspaceUser = { id: number; name: string; role: 'reviewer' | 'editor' | 'admin' };

export const STATUS_LABELS = {
  open: 'Open',
  in_review: 'In review',
  published: 'Published',
  dismissed: 'Dismissed',
} as const;

export type { LiveEvent } from '@/server/services/live-events';
export type { PresentViewer } from '@/server/services/presence';
