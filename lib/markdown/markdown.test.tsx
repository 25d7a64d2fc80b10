import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isSafeHttpUrl, markdownToPlainText, renderMarkdown } from './index';

const html = (source: string) => renderToStaticMarkup(<>{renderMarkdown(source)}</>);

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[click](//evil.example/x)',
  '[click](/relative/path)',
  '<javascript:alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.org/x.png)',
  '[a](https://ok.example/"onmouseover="alert(1))',
  '[[nested](javascript:alert(1))](https://ok.example)',
  '**<b onmouseover=alert(1)>bold</b>**',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '> <iframe src="javascript:alert(1)"></iframe>',
  '- <style>body{display:none}</style>',
  '<details open ontoggle=alert(1)>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<<script>script>alert(1)<</script>/script>',
  'javascript:alert(1)',
  '[x](https://example.org) <body onload=alert(1)>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
];

describe('renderMarkdown on hostile input', () => {
  it.each(HOSTILE)('keeps %j inert', (source) => {
    const output = html(source);
    expect(output).not.toMatch(/<(script|img|svg|math|iframe|style|details|body|animate)\b/i);
    expect(output).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    for (const href of output.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^https?:\/\//);
  });

  it('shows raw HTML as visible text', () => {
    expect(html('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});

describe('renderMarkdown on ordinary Markdown', () => {
  it('renders paragraphs, emphasis, code and safe links', () => {
    expect(html('Some **bold**, *italic* and `code`.\n\nA [link](https://example.org/a?b=1).')).toBe(
      '<p>Some <strong>bold</strong>, <em>italic</em> and <code>code</code>.</p>' +
        '<p>A <a href="https://example.org/a?b=1" rel="noopener noreferrer nofollow ugc">link</a>.</p>',
    );
  });

  it('renders lists, quotes, headings and auto-links bare URLs', () => {
    const output = html('## Sources\n\n- one\n- two\n\n1. first\n\n> quoted\n\nSee https://example.org/page.');
    expect(output).toContain('<h3>Sources</h3>');
    expect(output).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(output).toContain('<ol><li>first</li></ol>');
    expect(output).toContain('<blockquote><p>quoted</p></blockquote>');
    expect(output).toContain('<a href="https://example.org/page" rel="noopener noreferrer nofollow ugc">https://example.org/page</a>.');
  });

  it('renders an unsafe link as its text only, and images as their alt text', () => {
    expect(html('[the text](javascript:alert(1))')).toBe('<p>the text</p>');
    expect(html('![a chart](https://example.org/c.png)')).toBe('<p>a chart</p>');
  });
});

describe('isSafeHttpUrl and markdownToPlainText', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(isSafeHttpUrl('https://example.org')).toBe(true);
    expect(isSafeHttpUrl('http://example.org/x')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//example.org', '/x', 'java\nscript:alert(1)', 'ftp://x.org']) {
      expect(isSafeHttpUrl(bad)).toBe(false);
    }
  });

  it('strips the syntax', () => {
    expect(markdownToPlainText('**Bold** [link](https://x.org) and `code`')).toBe('Bold link and code');
  });
});
