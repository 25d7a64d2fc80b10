import { renderMarkdown } from '@/lib/markdown';

type Verdict = {
  ratingLabel: string;
  summary: string;
  ruling: string;
  sources: { url: string; title: string }[];
  correctionNote: string | null;
};

/** The proposal, and when it updates a published verdict, what changed field by field. */
export function VerdictComparison({ proposed, published }: { proposed: Verdict; published: Verdict | null }) {
  const sourcesOf = (v: Verdict) => v.sources.map((s) => `${s.title} <${s.url}>`).join('\n');
  const rows: { label: string; now: React.ReactNode; before: React.ReactNode; isChanged: boolean }[] = [
    { label: 'Rating', now: proposed.ratingLabel, before: published?.ratingLabel, isChanged: proposed.ratingLabel !== published?.ratingLabel },
    { label: 'Summary', now: proposed.summary, before: published?.summary, isChanged: proposed.summary !== published?.summary },
    {
      label: 'Ruling',
      now: renderMarkdown(proposed.ruling),
      before: published ? renderMarkdown(published.ruling) : null,
      isChanged: proposed.ruling !== published?.ruling,
    },
    {
      label: 'Sources',
      now: <SourceList sources={proposed.sources} />,
      before: published ? <SourceList sources={published.sources} /> : null,
      isChanged: published ? sourcesOf(proposed) !== sourcesOf(published) : true,
    },
  ];
  if (!published) {
    return (
      <dl className="review-verdict">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.now}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <>
      {proposed.correctionNote ? (
        <p>
          <strong>Correction note:</strong> {proposed.correctionNote}
        </p>
      ) : null}
      <table className="table review-diff">
        <caption>Proposed update compared with the published verdict</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Published</th>
            <th scope="col">Proposed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className={row.isChanged ? 'review-changed' : undefined}>
              <th scope="row">
                {row.label}
                {row.isChanged ? <span className="review-changed-label"> (changed)</span> : null}
              </th>
              <td>{row.before}</td>
              <td>{row.now}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function SourceList({ sources }: { sources: { url: string; title: string }[] }) {
  return (
    <ul>
      {sources.map((source) => (
        <li key={source.url}>
          <a href={source.url} rel="noopener noreferrer nofollow ugc">
            {source.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
