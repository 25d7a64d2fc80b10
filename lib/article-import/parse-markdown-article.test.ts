import { describe, expect, it } from 'vitest';
import { parseMarkdownArticle, stripInlineMarkdown } from './parse-markdown-article';

const ARTICLE = `# Cities test *four-day* weeks for council staff

_Three councils will cut hours without cutting pay, and measure whether services suffer._

![A council office in Leeds](https://example.org/office.jpg "Office")

The trial, announced on **Monday**, covers [about 1,200 employees](https://example.org/report_(2024) "Report") in Leeds, Bristol and Norwich.

## What will be measured

- Response times for housing repairs
- Staff sickness absence
* Resident satisfaction, via a [survey][1]

> "If the work gets done, the hours are a detail," said one union official,
> speaking on condition of anonymity.

<script>
alert('x');

document.title = 'pwned';
</script>
<div class="promo" onclick="steal()">Sign up for our free <b>weekly</b> newsletter</div>

Advertisement

The results are due in __spring 2025__. Council leaders said staff could return to a five-day week &ndash; at any time.

---

## More from Civic Times

1. [Why bin collections are getting less frequent](https://example.org/bins)
2. [The towns that scrapped parking fees](https://example.org/parking)

[1]: https://example.org/survey
`;

describe('parseMarkdownArticle', () => {
  const article = parseMarkdownArticle(ARTICLE);

  it('takes the # heading as title and an emphasised standfirst as dek, as plain text', () => {
    expect(article.title).toBe('Cities test four-day weeks for council staff');
    expect(article.dek).toBe('Three councils will cut hours without cutting pay, and measure whether services suffer.');
  });

  it('keeps headings, list items and quotes as paragraphs and drops images, scripts, prompts and related links', () => {
    expect(article.paragraphs).toEqual([
      'The trial, announced on Monday, covers about 1,200 employees in Leeds, Bristol and Norwich.',
      'What will be measured',
      'Response times for housing repairs',
      'Staff sickness absence',
      'Resident satisfaction, via a survey',
      '"If the work gets done, the hours are a detail," said one union official, speaking on condition of anonymity.',
      'The results are due in spring 2025. Council leaders said staff could return to a five-day week – at any time.',
    ]);
    const dropped = article.classified.filter((p) => p.isBoilerplate).map((p) => [p.text, p.reason]);
    expect(dropped).toEqual([
      ['Sign up for our free weekly newsletter', 'newsletter'],
      ['Advertisement', 'advertisement'],
      ['—', 'separator'],
      ['More from Civic Times', 'related-heading'],
      ['Why bin collections are getting less frequent', 'related-stories'],
      ['The towns that scrapped parking fees', 'related-stories'],
    ]);
  });

  it('leaves no Markdown or HTML syntax and no script content anywhere in the result', () => {
    const everything = JSON.stringify(article);
    for (const fragment of ['<', '>', '](', '**', '__', '![', 'alert', 'pwned', 'onclick', 'https://example.org']) {
      expect(everything, fragment).not.toContain(fragment);
    }
  });

  it('reads title, dek, author, date, publisher, URL and language from front matter', () => {
    const result = parseMarkdownArticle(
      [
        '---',
        'title: "Night buses return to the valley"',
        'description: Services cut in 2020 will run again from May, the transport authority says.',
        'author: Dana Whitfield',
        'date: 2024-04-18',
        'site_name: Valley Post',
        'canonical_url: https://valleypost.example/night-buses',
        'lang: en_GB',
        '---',
        '',
        'The N7 and N9 will run hourly between midnight and 5am on Fridays and Saturdays.',
        '',
        'Drivers’ unions said they had been consulted about the new rotas.',
      ].join('\n'),
    );
    expect(result).toMatchObject({
      title: 'Night buses return to the valley',
      dek: 'Services cut in 2020 will run again from May, the transport authority says.',
      author: 'Dana Whitfield',
      publisher: 'Valley Post',
      url: 'https://valleypost.example/night-buses',
      language: 'en-GB',
      paragraphs: [
        'The N7 and N9 will run hourly between midnight and 5am on Fridays and Saturdays.',
        'Drivers’ unions said they had been consulted about the new rotas.',
      ],
    });
    expect(result.publishedAt?.toISOString()).toBe('2024-04-18T00:00:00.000Z');
  });

  it('uses the first line as title when there is no heading, and setext headings as paragraphs', () => {
    const result = parseMarkdownArticle(
      ['Harbour fees rise for pleasure boats', 'Owners will pay 12% more from April, the harbour board decided.', '', 'Background', '----------', '', 'Fees were last raised in 2019.'].join('\n'),
    );
    expect(result.title).toBe('Harbour fees rise for pleasure boats');
    expect(result.dek).toBe('Owners will pay 12% more from April, the harbour board decided.');
    expect(result.paragraphs).toEqual(['Background', 'Fees were last raised in 2019.']);
  });

  it('keeps fenced code as text and ignores table delimiter rows', () => {
    const result = parseMarkdownArticle(
      ['# Budget in numbers', '', '| Item | Cost |', '|---|---:|', '| Roads | £4m |', '', '```', 'total = 4 * 1', '```'].join('\n'),
    );
    expect(result.paragraphs).toEqual(['Item | Cost', 'Roads | £4m', 'total = 4 * 1']);
  });

  it('rejects empty Markdown and Markdown with only a title', () => {
    expect(() => parseMarkdownArticle('\n\n')).toThrow(expect.objectContaining({ code: 'EMPTY' }));
    expect(() => parseMarkdownArticle('<!-- nothing -->\n![img](x.png)')).toThrow(expect.objectContaining({ code: 'EMPTY' }));
    expect(() => parseMarkdownArticle('# Only a title')).toThrow(expect.objectContaining({ code: 'NO_TEXT' }));
  });
});

describe('stripInlineMarkdown', () => {
  it.each([
    ['**bold** and *italic* and ~~struck~~', 'bold and italic and struck'],
    ['a [link](https://x.example/a_(b)) here', 'a link here'],
    ['an image ![alt text](i.png) gone', 'an image gone'],
    ['reference [link][ref] and [other][]', 'reference link and other'],
    ['code `x = 1` stays', 'code x = 1 stays'],
    ['snake_case_name and 5 * 3 * 2 stay', 'snake_case_name and 5 * 3 * 2 stay'],
    ['\\*not emphasis\\* and \\[not a link\\](x)', '*not emphasis* and [not a link](x)'],
    ['see <https://example.org/page>', 'see https://example.org/page'],
    ['footnote[^1] marker', 'footnote marker'],
    ['<span style="x">tag</span><br>break', 'tag break'],
    ['<img src=x onerror="alert(1)">caption', 'caption'],
    ['&ldquo;Quote&rdquo; &amp; &#8212; &#x2019; &lt;b&gt;', '“Quote” & — ’ <b>'],
  ])('%s', (input, output) => {
    expect(stripInlineMarkdown(input)).toBe(output);
  });
});

describe('parseMarkdownArticle on hostile input', () => {
  // Each of these took minutes with naive lazy or nested regexes (quadratic backtracking).
  const size = 1024 * 1024;
  it.each([
    ['unclosed brackets', '['],
    ['unclosed strong markers', '**a '],
    ['unclosed strikethrough', '~~a '],
    ['unclosed script tags', '<script>'],
    ['unclosed autolinks', '<http:'],
  ])('handles 1 MB of %s in linear time', (_, unit) => {
    const started = performance.now();
    try {
      parseMarkdownArticle(`# Title\n\nBody text.\n\n${unit.repeat(Math.floor(size / unit.length))}`);
    } catch {
      // Rejection is fine; hanging is not.
    }
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('handles a heading and a line with a megabyte of spaces', () => {
    const started = performance.now();
    const result = parseMarkdownArticle(`# a${' '.repeat(size)}b\n\n${' '.repeat(size / 2)}body text here.`);
    expect(result.title).toBe('a b');
    expect(result.paragraphs).toEqual(['body text here.']);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
