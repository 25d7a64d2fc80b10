import Link from 'next/link';
import { PublicShell } from './_components/shells';

export default function HomePage() {
  return (
    <PublicShell>
      <section className="hero">
        <h1>Factdesk</h1>
        <p className="dek">
          A newsroom&apos;s fact-checking desk: claims marked in the article text, researched with evidence, approved by a
          second editor, published with sources and corrections.
        </p>
        <p>
          <Link href="/articles" className="button">
            Read the articles
          </Link>{' '}
          <Link href="/desk" className="button button-secondary">
            Open the desk
          </Link>
        </p>
      </section>
    </PublicShell>
  );
}
