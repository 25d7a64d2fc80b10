import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSignedInUser } from '../_components/require-user';
import { ActivityList } from './_dashboard/activity-list';
import { ArticleList } from './_dashboard/article-list';
import { ClaimSection } from './_dashboard/claim-section';

export const metadata: Metadata = { title: 'Desk' };

function readPage(value: string | string[] | undefined): number {
  const parsed = Number.parseInt(Array.isArray(value) ? (value[0] ?? '') : (value ?? ''), 10);
  return Number.isFinite(parsed) ? Math.min(10_000, Math.max(1, parsed)) : 1;
}

export default async function DeskPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const { page: pageParam } = await searchParams;
  const { user, caller } = await requireSignedInUser('/desk');
  const [dashboard, articles] = await Promise.all([caller.desk.dashboard(), caller.articles.list({ page: readPage(pageParam) })]);
  const now = new Date();
  const articleSlugByClaimId = new Map(
    [...dashboard.assigned, ...dashboard.following].map((claim) => [claim.id, claim.articleSlug] as const),
  );
  return (
    <>
      <div className="dash-top">
        <div>
          <h1>Desk</h1>
          <p>
            Welcome, {user.name}. You are signed in as {user.role === 'admin' ? 'an' : 'a'} {user.role}.
          </p>
        </div>
        <Link href="/desk/import" className="button dash-import-link">
          Import an article
        </Link>
      </div>
      <div className="dash-columns">
        <ClaimSection
          id="dash-assigned"
          title="Assigned to me"
          claims={dashboard.assigned}
          now={now}
          emptyState="Nothing is assigned to you right now. Claims a colleague assigns to you appear here; you can also open an article below and mark claims yourself."
        />
        <ClaimSection
          id="dash-following"
          title="Claims I follow"
          claims={dashboard.following}
          now={now}
          isAssigneeShown
          emptyState="You are not following any claims yet. You follow the claims you mark and those assigned to you; to follow another, open it in its article and choose “Follow”."
        />
      </div>
      <ActivityList events={dashboard.activity} articleSlugByClaimId={articleSlugByClaimId} now={now} />
      <ArticleList articles={articles} />
    </>
  );
}
