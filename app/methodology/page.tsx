import type { Metadata } from 'next';
import { renderMarkdown } from '@/lib/markdown';
import { getPublicCaller } from '@/server/trpc/server-caller';

export const metadata: Metadata = { title: 'Methodology' };
// Settings change rarely; rendering per request keeps the build free of database access.
export const dynamic = 'force-dynamic';

export default async function MethodologyPage() {
  const caller = await getPublicCaller();
  const page = await caller.public.methodology();
  return (
    <article className="article">
      <h1>How {page.organisation.name} checks claims</h1>
      <div>{renderMarkdown(page.methodology)}</div>
      <h2>Our rating scale</h2>
      <p>
        Each rating has a number that search engines read in our ClaimReview markup: {page.best} is the best rating and{' '}
        {page.worst} the worst.
      </p>
      <table className="table">
        <caption className="visually-hidden">Ratings and their numeric values</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col">Value</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {page.scale.map((rating) => (
            <tr key={rating.key}>
              <th scope="row">
                <span className="rating-swatch" style={{ background: rating.color }} aria-hidden="true" /> {rating.label}
              </th>
              <td>{rating.value}</td>
              <td>{rating.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Corrections policy</h2>
      <div>{renderMarkdown(page.correctionsPolicy)}</div>
    </article>
  );
}
