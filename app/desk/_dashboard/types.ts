import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers';

type Outputs = inferRouterOutputs<AppRouter>;

export type Dashboard = Outputs['desk']['dashboard'];
export type DashboardClaim = Dashboard['assigned'][number];
export type DashboardEvent = Dashboard['activity'][number];
export type ArticlePage = Outputs['articles']['list'];

export function buildClaimHref(articleSlug: string, claimId: number): string {
  return `/desk/articles/${articleSlug}?claim=${claimId}`;
}
