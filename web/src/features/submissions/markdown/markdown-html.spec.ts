import { describe, expect, it } from '@jest/globals';
import { markdownToHtml } from './markdown-html.js';
import { isAllowedLink, isServerImage } from './markdown-rules.js';

describe('section Markdown as HTML (before sanitising)', () => {
  it('keeps what Markdown itself makes: headings, emphasis, lists, quotes, code, tables, links, rules', () => {
    const html = markdownToHtml(
      '## Aims\n\n**bold** *it* ~~gone~~\n\n- one\n1. two\n\n> quote\n\n`x`\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[CRC](https://www.ohchr.org)\n\n---',
    );
    for (const tag of [
      '<h2',
      '<strong>',
      '<em>',
      '<del>',
      '<ul>',
      '<ol>',
      '<blockquote>',
      '<code>',
      '<table>',
      '<a href="https://www.ohchr.org"',
      '<hr',
    ])
      expect(html).toContain(tag);
  });

  it('shows raw HTML as the text typed, block or inline', () => {
    const html = markdownToHtml(
      '<style>body{display:none}</style>\n\nText <form action="https://evil.example"><input name="p"><button>Sign in</button></form>\n\n<div style="position:fixed;inset:0">Session expired</div>',
    );
    expect(html).not.toMatch(/<(style|form|input|button|div)\b/i);
    expect(html).toContain('&lt;style&gt;');
    expect(html).toContain('Session expired');
  });

  it('turns an image from another host into its alt text, and keeps one from this server', () => {
    expect(markdownToHtml('![chart](https://evil.example/p.png)')).toBe('<p>chart</p>\n');
    expect(markdownToHtml('![logo](//evil.example/p.png)')).not.toContain('<img');
    expect(markdownToHtml('![logo](/api/v1/files/1)')).toContain('<img src="/api/v1/files/1" alt="logo">');
  });

  it('writes a task list box as a character, not a form control', () => {
    const html = markdownToHtml('- [x] done\n- [ ] to do');
    expect(html).not.toContain('<input');
    expect(html).toContain('☑ done');
    expect(html).toContain('☐ to do');
  });
});

describe('addresses section Markdown may point at', () => {
  it('links: http, https and mailto only', () => {
    expect(isAllowedLink('https://www.ohchr.org/x')).toBe(true);
    expect(isAllowedLink('http://cjn.lan/x')).toBe(true);
    expect(isAllowedLink('mailto:someone@cjn.example')).toBe(true);
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', 'ftp://x'])
      expect(isAllowedLink(href)).toBe(false);
  });

  it('images: a path on this server only', () => {
    expect(isServerImage('/api/v1/files/1')).toBe(true);
    for (const src of [
      'https://evil.example/p.png',
      '//evil.example/p',
      '/\\evil.example/p',
      '/\t/evil.example',
      'data:image/png;base64,x',
      'p.png',
      '',
    ])
      expect(isServerImage(src)).toBe(false);
  });
});
