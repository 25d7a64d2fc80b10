import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticleFromHtml } from './extract-article-from-html';

const page = readFileSync(fileURLToPath(new URL('./test-fixtures/article-page.html', import.meta.url)), 'utf8');

describe('extractArticleFromHtml on a realistic news page', () => {
  const article = extractArticleFromHtml(page, 'https://courier.example/news/harbour-tunnel-costs-double?utm_source=x');

  it('keeps only the article text, as paragraphs, in document order', () => {
    expect(article.title).toBe('Harbour tunnel costs double, documents show');
    expect(article.paragraphs).toEqual([
      'The projected cost of the harbour tunnel has risen to £2.4bn, according to internal council papers seen by the Courier, twice the figure presented to voters when the scheme was approved in 2021.',
      'The documents, prepared for a closed meeting of the finance committee last month, blame higher steel prices and a redesign of the northern portal after a ground survey found softer clay than expected.',
      'Who pays for the overrun',
      'Council leader Martin Okafor said the authority would ask the national infrastructure fund to cover at least half of the increase, and that no decision had been taken on raising local taxes.',
      '“We were told this would be a fixed-price contract. Residents deserve to know what changed,” said opposition councillor Helen Varga.',
      'The papers list three options for the committee:',
      'Continue with the current design and seek extra funding.',
      'Shorten the tunnel by moving the southern portal inland.',
      'Pause construction for a year while contracts are renegotiated.',
      // The <br> became a space, not glued words.
      'The finance committee will discuss the options in public on 4 March, a council spokesperson confirmed. Residents can submit written questions until 1 March.',
    ]);
  });

  it('drops the newsletter box and ad marker that Readability left inside the article, with reasons', () => {
    const dropped = article.classified.filter((p) => p.isBoilerplate).map((p) => p.reason);
    expect(dropped).toEqual(expect.arrayContaining(['newsletter', 'advertisement']));
    expect(article.classified.find((p) => p.text.startsWith('Sign up for the Morning Courier'))?.reason).toBe('newsletter');
  });

  it('never runs the page’s scripts and returns no markup, script text, handlers or navigation', () => {
    const everything = JSON.stringify(article);
    for (const fragment of [
      'HACKED',
      'INJECTED',
      'alert',
      'onclick',
      'onerror',
      'javascript:',
      '<',
      '>',
      'STYLE TEXT',
      'Search the Courier',
      'Ferry timetable',
      'Lifeboat crew',
      'All rights reserved',
      'Privacy policy',
    ]) {
      expect(everything, fragment).not.toContain(fragment);
    }
    expect(article.paragraphs[0]).toMatch(/^The projected cost/);
  });

  it('reads metadata from Readability and the meta tags', () => {
    expect(article).toMatchObject({
      dek: 'Internal council papers put the price of the harbour tunnel at £2.4bn, twice the figure given to voters in 2021.',
      publisher: 'Coastline Courier',
      author: 'Priya Shah',
      url: 'https://courier.example/news/harbour-tunnel-costs-double?utm_source=x',
      language: 'en-GB',
    });
    expect(article.publishedAt?.toISOString()).toBe('2024-02-12T08:30:00.000Z');
  });

  it('falls back to the canonical link when no base URL is given', () => {
    expect(extractArticleFromHtml(page).url).toBe('https://courier.example/news/harbour-tunnel-costs-double');
  });
});

describe('extractArticleFromHtml edge cases', () => {
  it('uses the <h1> as title when the page has no <title>, and drops a description that only repeats the opening', () => {
    const opening = 'Fishermen in the bay have reported the largest mackerel catch in twenty years, the harbour master said on Thursday.';
    const html = `<html><head><meta name="description" content="${opening.slice(0, 60)}…"></head><body><article>
      <h1>Record mackerel catch</h1><p>${opening}</p>
      <p>Prices at the morning auction fell by a third as buyers struggled to keep up with the volume landed on the quay.</p>
      <p>Scientists said warmer water had pushed shoals closer to the shore earlier in the season than usual this year.</p>
    </article></body></html>`;
    const article = extractArticleFromHtml(html);
    expect(article.title).toBe('Record mackerel catch');
    expect(article.classified[0]).toEqual({ text: 'Record mackerel catch', isBoilerplate: true, reason: 'duplicate' });
    expect(article.dek).toBeNull();
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[0]).toBe(opening);
    expect(article.author).toBeNull();
    expect(article.publishedAt).toBeNull();
  });

  it('throws NO_TEXT for a page without an article', () => {
    expect(() => extractArticleFromHtml('<html><body><nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>')).toThrow(
      expect.objectContaining({ code: 'NO_TEXT' }),
    );
  });

  it('refuses pathologically nested or huge DOMs before jsdom parses them', () => {
    const started = performance.now();
    expect(() => extractArticleFromHtml(`<html><body>${'<div>'.repeat(100_000)}</body></html>`)).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE', message: expect.stringContaining('too complex') }),
    );
    expect(() => extractArticleFromHtml(`<html><body>${'<span></span>'.repeat(40_000)}</body></html>`)).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE' }),
    );
    expect(performance.now() - started).toBeLessThan(2000);
    // Unclosed <p> and <li> (closed implicitly by the parser) do not count as nesting.
    const paragraphs = Array.from({ length: 600 }, (_, i) => `<p>Paragraph number ${i} of a long but ordinary article body, with enough words to read as prose.`).join('');
    expect(extractArticleFromHtml(`<html><body><article><h1>Long read</h1>${paragraphs}</article></body></html>`).paragraphs).toHaveLength(600);
  });

  it('throws EMPTY, TOO_LARGE or BINARY before parsing bad input', () => {
    expect(() => extractArticleFromHtml('   ')).toThrow(expect.objectContaining({ code: 'EMPTY' }));
    expect(() => extractArticleFromHtml(`<p>${'a'.repeat(2 * 1024 * 1024)}</p>`)).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
    expect(() => extractArticleFromHtml('\u0000\u0001GIF89a')).toThrow(expect.objectContaining({ code: 'BINARY' }));
  });
});
