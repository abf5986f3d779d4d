import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { isServerImage, safeSectionMarkdown } from './markdown-export.js';

const html = (markdown: string) => marked.parse(markdown, { async: false });

describe('section Markdown as the server exports it', () => {
  it('leaves ordinary Markdown as written', () => {
    const text = '## Aims\n\n**Bold**, *it*, a [link](https://www.ohchr.org) and `code`.\n\n- one\n- two\n\n> quoted\n';
    expect(safeSectionMarkdown(text)).toBe(text);
  });

  it('turns raw HTML, block or inline, into text a Markdown reader shows as typed', () => {
    const text =
      '<style>body{display:none}</style>\n\nA <form action="https://outside.example"><input name="p"><button>Go</button></form>\n\n<div style="position:fixed">Session expired</div>\n';
    const safe = safeSectionMarkdown(text);
    expect(html(safe)).not.toMatch(/<(style|form|input|button|div)\b/);
    expect(html(safe)).toContain('&lt;style&gt;');
    expect(html(safe)).toContain('Session expired');
  });

  it('leaves HTML inside code alone', () => {
    const text = 'Type `<b>` for bold, not <b>this</b>.\n\n```html\n<style>x</style>\n```\n';
    const safe = safeSectionMarkdown(text);
    expect(safe).toContain('`<b>`');
    expect(safe).toContain('```html\n<style>x</style>\n```');
    expect(safe).toContain('not &lt;b>this&lt;/b>');
  });

  it('escapes HTML it cannot place exactly (inside a quote) everywhere rather than let it through', () => {
    const safe = safeSectionMarkdown('> <div>\n> quoted\n> </div>\n');
    expect(html(safe)).not.toContain('<div');
  });

  it('replaces an image from another host by its alt text, and keeps one from this server', () => {
    expect(safeSectionMarkdown('See ![the chart](https://outside.example/c.png).')).toBe('See the chart.');
    expect(safeSectionMarkdown('![x](//outside.example/c.png)')).toBe('x');
    expect(safeSectionMarkdown('![<img src=https://o.example>](https://o.example/c.png)')).toBe(
      '&lt;img src=https://o.example>',
    );
    expect(safeSectionMarkdown('![logo](/api/v1/files/1)')).toBe('![logo](/api/v1/files/1)');
    expect(safeSectionMarkdown('![a][r]\n\n[r]: https://outside.example/r.png\n')).not.toContain('![a]');
  });

  it('knows which images are on this server', () => {
    expect(isServerImage('/api/v1/files/1')).toBe(true);
    for (const src of ['https://o.example/p.png', '//o.example/p', '/\\o.example', '/\t/o.example', 'p.png'])
      expect(isServerImage(src)).toBe(false);
  });
});
