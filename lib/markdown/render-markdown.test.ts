import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isSafeHttpUrl, markdownToPlainText, renderMarkdown, toSafeHref } from './index';

const html = (source: string) => renderToStaticMarkup(renderMarkdown(source) as ReactElement);
const REL = 'rel="noopener noreferrer nofollow ugc"';

const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  p: [],
  br: [],
  strong: [],
  em: [],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  h3: [],
  h4: [],
  hr: [],
  a: ['href', 'rel', 'title'],
};

/**
 * Parses every tag React produced (React always double-quotes attribute values and escapes
 * quotes inside them, so this strict pattern sees exactly the real attributes) and returns the
 * problems: unknown tags, unknown attributes, event handlers, non-http(s) hrefs.
 */
function findUnsafeMarkup(markup: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(markup)) problems.push('contains <script');
  for (const [tag] of markup.matchAll(/<[^>]*>/g)) {
    const parsed = /^<\/?([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/?>$/.exec(tag);
    if (!parsed) {
      problems.push(`unparseable tag ${tag}`);
      continue;
    }
    const name = parsed[1]!;
    const allowed = ALLOWED_ATTRIBUTES[name];
    if (!allowed) problems.push(`tag <${name}>`);
    for (const [, attribute, value] of parsed[2]!.matchAll(/\s+([a-z-]+)="([^"]*)"/g)) {
      if (/^on/i.test(attribute!)) problems.push(`event handler ${attribute}`);
      if (!allowed?.includes(attribute!)) problems.push(`attribute ${attribute} on <${name}>`);
      if (attribute === 'href' && !/^https?:\/\//.test(value!)) problems.push(`href ${value}`);
    }
  }
  // The brief's own check, on the markup with attribute values removed (a title may quote text).
  if (/\son\w+=/i.test(markup.replace(/="[^"]*"/g, '=""').replace(/>[^<]*</g, '><'))) problems.push('on…= attribute');
  return problems;
}

const HOSTILE: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://example.org/x.png" onerror="alert(1)">',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<details open ontoggle=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href=https://ok.example onclick=alert(1)>x</a>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<object data="javascript:alert(1)">',
  '<embed src="data:text/html,x">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<<script>script>alert(1)<</script>/script>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '\\<script>alert(1)\\</script>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](java\nscript:alert(1))',
  '[x](  javascript:alert(1)  )',
  '[x](\u0001javascript:alert(1))',
  '[x](\u200bjavascript:alert(1))',
  '[x](\u2028javascript:alert(1))',
  '[x](ｊａｖａｓｃｒｉｐｔ:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript&colon;alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](%6Aavascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x]( <javascript:alert(1)> "title")',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](DATA:text/html,<script>alert(1)</script>)',
  '[x](vbscript:msgbox(1))',
  '[x](file:///etc/passwd)',
  '[x](//evil.example/x)',
  '[x](/\\evil.example)',
  '[x](https:evil.example)',
  '[x](https:\\\\evil.example)',
  '[x](/relative/path)',
  '[x](https://user:pass@evil.example)',
  '[x](https://ok.example "\\" onmouseover=\\"alert(1)")',
  '[x](https://ok.example/"onmouseover="alert(1))',
  '[x](https://ok.example/<script>alert(1)</script>)',
  '[[x](javascript:alert(1))](https://ok.example)',
  '[x [y](javascript:alert(1)) z](javascript:alert(2))',
  '[x]: javascript:alert(1)\n\n[x]',
  '<javascript:alert(1)>',
  '<JAVASCRIPT:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '<https://ok.example/" onmouseover="alert(1)>',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.org/x.png)',
  '![<img src=x onerror=alert(1)>](https://example.org/x.png)',
  '**<b onmouseover=alert(1)>hover</b>**',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '> <iframe src="javascript:alert(1)"></iframe>',
  '- <img src=x onerror=alert(1)>',
  '1. [x](javascript:alert(1))',
  '# <script>alert(1)</script>',
  'https://ok.example/"><script>alert(1)</script>',
  'javascript:alert(1)',
  'see javascript:alert(1)//https://ok.example',
];

describe('renderMarkdown on hostile input', () => {
  it('has a corpus of at least 30 cases', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(HOSTILE)('keeps %j inert', (source) => {
    const markup = html(source);
    expect(findUnsafeMarkup(markup)).toEqual([]);
  });

  it('catches what it is meant to catch (the checker itself)', () => {
    expect(findUnsafeMarkup('<p><script>x</script></p>')).not.toEqual([]);
    expect(findUnsafeMarkup('<p><img src="x"/></p>')).toContain('tag <img>');
    expect(findUnsafeMarkup('<a href="javascript:x" rel="x">y</a>')).toContain('href javascript:x');
    expect(findUnsafeMarkup('<p onclick="x">y</p>')).toContain('event handler onclick');
    expect(findUnsafeMarkup('<a href="https://x.org/" title="&quot; onmouseover=&quot;x">y</a>')).toEqual([]);
  });

  it('shows raw HTML as visible text rather than dropping it', () => {
    expect(html('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html('&lt;b&gt;')).toBe('<p>&amp;lt;b&amp;gt;</p>');
  });

  it('renders an unsafe link as its text with nothing clickable', () => {
    for (const source of ['[the text](javascript:alert(1))', '[the text](JaVaScRiPt:alert(1))', '[the text](data:text/html,x)', '[the text](//evil.example)', '[the text](/local)']) {
      expect(html(source), source).toBe('<p>the text</p>');
    }
    expect(html('[**bold** text](vbscript:x)')).toBe('<p><strong>bold</strong> text</p>');
  });

  it('leaves link syntax it cannot parse as literal text', () => {
    expect(html('[x](java\tscript:alert(1))')).toBe('<p>[x](java\tscript:alert(1))</p>');
    expect(html('<javascript:alert(1)>')).toBe('<p>&lt;javascript:alert(1)&gt;</p>');
  });

  it('percent-encodes what would break out of the href', () => {
    expect(html('[x](https://ok.example/"onmouseover="alert(1))')).toBe(
      `<p><a href="https://ok.example/%22onmouseover=%22alert(1)" ${REL}>x</a></p>`,
    );
  });

  it('never nests links, keeping the inner syntax as text', () => {
    expect(html('[[x](javascript:alert(1))](https://ok.example)')).toBe(`<p><a href="https://ok.example/" ${REL}>[x](javascript:alert(1))</a></p>`);
  });

  it('renders images as their alt text only', () => {
    expect(html('![a chart](https://example.org/c.png)')).toBe('<p>a chart</p>');
    expect(html('![x" onerror="alert(1)](https://example.org/x.png)')).toBe('<p>x&quot; onerror=&quot;alert(1)</p>');
    expect(html('[![logo](https://x.org/l.png)](https://x.org)')).toBe(`<p><a href="https://x.org/" ${REL}>logo</a></p>`);
  });
});

describe('renderMarkdown on ordinary Markdown', () => {
  it('renders paragraphs and keeps every line break', () => {
    expect(html('one\ntwo  \nthree\n\nnext')).toBe('<p>one<br/>two<br/>three</p><p>next</p>');
  });

  it('renders bold, italic and code, leaving intraword underscores alone', () => {
    expect(html('**b** __b__ *i* _i_ `c` snake_case_name')).toBe(
      '<p><strong>b</strong> <strong>b</strong> <em>i</em> <em>i</em> <code>c</code> snake_case_name</p>',
    );
    expect(html('***both*** and **b *i* b**')).toBe('<p><em><strong>both</strong></em> and <strong>b <em>i</em> b</strong></p>');
    expect(html('2 * 3 * 4')).toBe('<p>2 * 3 * 4</p>');
  });

  it('keeps code spans literal, with markup and emphasis characters inside', () => {
    expect(html('`**not bold** <b>`')).toBe('<p><code>**not bold** &lt;b&gt;</code></p>');
    expect(html('``a ` b``')).toBe('<p><code>a ` b</code></p>');
    expect(html('`unclosed')).toBe('<p>`unclosed</p>');
  });

  it('renders fenced code blocks, closed or not', () => {
    expect(html('```js\nconst a = 1 < 2;\n  **x**\n```\nafter')).toBe('<pre><code>const a = 1 &lt; 2;\n  **x**</code></pre><p>after</p>');
    expect(html('~~~\nrest of the text')).toBe('<pre><code>rest of the text</code></pre>');
  });

  it('renders block quotes, nested and lazily continued', () => {
    expect(html('> quoted\ncontinued\n> > nested')).toBe('<blockquote><p>quoted<br/>continued</p><blockquote><p>nested</p></blockquote></blockquote>');
  });

  it('renders bullet and numbered lists, nested, tight and loose', () => {
    expect(html('- one\n- two\n  - two a\n* other list')).toBe('<ul><li>one</li><li>two<ul><li>two a</li></ul></li></ul><ul><li>other list</li></ul>');
    expect(html('1. first\n2. second')).toBe('<ol><li>first</li><li>second</li></ol>');
    expect(html('3. third\n4. fourth')).toBe('<ol start="3"><li>third</li><li>fourth</li></ol>');
    expect(html('- a\n\n- b')).toBe('<ul><li><p>a</p></li><li><p>b</p></li></ul>');
  });

  it('lets a list interrupt a paragraph, but not a number that starts a sentence', () => {
    expect(html('Sources:\n- one')).toBe('<p>Sources:</p><ul><li>one</li></ul>');
    expect(html('In\n2019. was a year')).toBe('<p>In<br/>2019. was a year</p>');
  });

  it('renders headings at level 3 or 4 only', () => {
    expect(html('# One\n## Two ##\n### Three\n###### Six')).toBe('<h3>One</h3><h3>Two</h3><h4>Three</h4><h4>Six</h4>');
    expect(html('#hashtag')).toBe('<p>#hashtag</p>');
    expect(html('# A\n## B\n### C')).not.toMatch(/<h[12]/);
  });

  it('renders thematic breaks', () => {
    expect(html('a\n\n---\n\nb')).toBe('<p>a</p><hr/><p>b</p>');
  });

  it('renders safe links with the user-content rel and no target', () => {
    const markup = html('[the *desk*](https://example.org/a?b=1&c=2 "Title")');
    expect(markup).toBe(`<p><a href="https://example.org/a?b=1&amp;c=2" ${REL} title="Title">the <em>desk</em></a></p>`);
    expect(markup).not.toContain('target=');
    expect(html('[nested [brackets]](https://e.org/wiki/A_(b))')).toBe(`<p><a href="https://e.org/wiki/A_(b)" ${REL}>nested [brackets]</a></p>`);
  });

  it('auto-links bare http(s) URLs without the sentence punctuation around them', () => {
    expect(html('See https://example.org/page. And (https://example.org/x_(y)), ok?')).toBe(
      `<p>See <a href="https://example.org/page" ${REL}>https://example.org/page</a>. ` +
        `And (<a href="https://example.org/x_(y)" ${REL}>https://example.org/x_(y)</a>), ok?</p>`,
    );
    expect(html('<https://example.org/a>')).toBe(`<p><a href="https://example.org/a" ${REL}>https://example.org/a</a></p>`);
    expect(html('nothttps://example.org')).toBe('<p>nothttps://example.org</p>');
    expect(html('https://user:pw@example.org')).toBe('<p>https://user:pw@example.org</p>');
  });

  it('honours backslash escapes', () => {
    expect(html('\\*not em\\* \\# \\[x\\]\\(y\\)')).toBe('<p>*not em* # [x](y)</p>');
  });

  it('renders nothing for empty input', () => {
    expect(html('')).toBe('');
    expect(html('  \n\n  ')).toBe('');
  });
});

describe('renderMarkdown on pathological input', () => {
  // Sizes where a quadratic algorithm would take minutes; the time bound is loose for busy CI.
  const cases: [string, string][] = [
    ['deep quotes', '>'.repeat(5000) + ' x'],
    ['deep lists', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
    ['deep emphasis', '*'.repeat(5000) + 'x' + '*'.repeat(5000)],
    ['alternating emphasis', '*a _b '.repeat(5000)],
    ['many brackets', '['.repeat(10000) + ']('.repeat(10000)],
    ['many backtick runs', Array.from({ length: 3000 }, (_, i) => '`'.repeat((i % 40) + 1)).join(' ')],
    ['many URLs', 'http://'.repeat(10000)],
    ['long URL', 'https://example.org/' + 'a'.repeat(50_000)],
    ['many angle brackets', '<a:'.repeat(10000)],
    ['many unclosed link titles', '[a](x ('.repeat(10000)],
    ['many unclosed quoted titles', '[a](x "'.repeat(5000) + "[a](x '".repeat(5000)],
    ['many unclosed destinations', '[a](<x'.repeat(10000)],
  ];

  it.each(cases)('renders %s quickly and safely', (_name, source) => {
    const started = performance.now();
    const markup = html(source);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(findUnsafeMarkup(markup)).toEqual([]);
    expect(markup.length).toBeGreaterThan(0);
  });

  it('caps nesting: deep structure beyond the limit stays text', () => {
    const markup = html('*'.repeat(100) + 'x' + '*'.repeat(100));
    expect((markup.match(/<(em|strong)>/g) ?? []).length).toBeLessThanOrEqual(13);
    expect(markup).toContain('x');
    expect((html('>'.repeat(50) + ' x').match(/<blockquote>/g) ?? []).length).toBeLessThanOrEqual(8);
  });
});

describe('markdownToPlainText', () => {
  it('strips the syntax and keeps what a reader sees', () => {
    expect(markdownToPlainText('**Bold** [link](https://x.org) and `code`')).toBe('Bold link and code');
    expect(markdownToPlainText('# Title\n\nSome *text*\nwrapped.\n\n- one\n- two\n\n> quoted\n\n![alt](https://x.org/i.png)')).toBe(
      'Title\n\nSome text\nwrapped.\n\none\ntwo\n\nquoted\n\nalt',
    );
  });

  it('drops unsafe link targets but keeps their text, and leaves HTML as literal text', () => {
    expect(markdownToPlainText('[click](javascript:alert(1)) <b>x</b>')).toBe('click <b>x</b>');
  });

  it('returns an empty string for empty input', () => {
    expect(markdownToPlainText('')).toBe('');
  });
});

describe('isSafeHttpUrl and toSafeHref', () => {
  it.each(['https://example.org', 'http://example.org/x?y=1#z', 'HTTPS://EXAMPLE.ORG/', 'http://localhost:3000/a', 'https://[::1]/'])('accepts %s', (url) => {
    expect(isSafeHttpUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    ' https://example.org',
    'https://exa mple.org',
    'https://example.org\n',
    '\u200bhttps://example.org',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    'ftp://example.org',
    '//example.org',
    '/relative',
    'example.org',
    'https:example.org',
    'https:\\\\example.org',
    'https:///example.org',
    'http://',
    'https://user:pw@example.org',
    'https://example.org@evil.example',
    '',
  ])('refuses %j', (url) => {
    expect(isSafeHttpUrl(url)).toBe(false);
    expect(toSafeHref(url)).toBeNull();
  });

  it('normalises the href so no quote or angle bracket survives', () => {
    expect(toSafeHref('https://Example.org/a b'.replace(' ', '"'))).toBe('https://example.org/a%22b');
    expect(toSafeHref('https://example.org/<x>')).toBe('https://example.org/%3Cx%3E');
  });
});
