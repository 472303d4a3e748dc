import { describe, expect, it } from 'vitest';
import { leverPostings } from '../../src/modules/postings/demo/lever-postings';
import { sanitizePostingHtml, toPlainText } from '../../src/modules/postings/html';

const fixtures = leverPostings();

describe('posting HTML sanitizer and plain text', () => {
  it('keeps structure, drops styles, classes, scripts, iframes and unsafe links', () => {
    const html = sanitizePostingHtml(
      '<div class="x" style="font-size:13pt"><h2 id="h">Title</h2><p onclick="evil()">A <a href="https://ok.example/?a=1&b=2" target="_blank">link</a>, ' +
        '<a href="javascript:alert(1)">bad</a>, <a href="mailto:jobs@example.com">mail</a> <img src=x onerror=alert(1)>' +
        '<script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe></p><blockquote>q</blockquote></div>',
    );
    expect(html).toBe(
      '<div><h2>Title</h2><p>A <a href="https://ok.example/?a=1&amp;b=2">link</a>, <a>bad</a>, <a href="mailto:jobs@example.com">mail</a> </p><blockquote>q</blockquote></div>',
    );
  });

  it('derives plain text with decoded entities and line structure', () => {
    expect(toPlainText('<p>Fish &amp; chips&nbsp;&mdash; &lt;fresh&gt; &ldquo;daily&rdquo;</p><p>Line one<br>Line two</p><ul><li>One</li><li>Two</li></ul>')).toBe(
      'Fish & chips — <fresh> “daily”\nLine one\nLine two\n- One\n- Two',
    );
    expect(toPlainText('')).toBe('');
    expect(toPlainText(null)).toBe('');
  });

  it('handles every Lever fixture: no tags, no entities, no styles, text and links kept', () => {
    expect(fixtures).toHaveLength(19);
    for (const posting of fixtures) {
      for (const source of [posting.description, posting.additional, ...posting.lists.map((l) => `<ul>${l.content}</ul>`)]) {
        const html = sanitizePostingHtml(source);
        expect(html, posting.text).not.toMatch(/style=|class=|<span [^>]|<script/);
        const plain = toPlainText(html);
        expect(plain, posting.text).not.toMatch(/<[a-z/][^>]*>/i);
        expect(plain, posting.text).not.toMatch(/&(nbsp|amp|lt|gt|quot|#\d+);/);
        expect(plain, posting.text).not.toContain('\u00a0');
        expect(plain.length, posting.text).toBeGreaterThan(0);
        // Links survive as anchors with their href (Lever's `postings-link` class dropped).
        for (const [, href] of source.matchAll(/<a href="(https?:[^"]+)"/g)) expect(html).toContain(`href="${href!.replace(/&amp;/g, '&').replace(/&/g, '&amp;')}"`);
      }
      // Our plain text carries the same words as Lever's own plain version.
      const words = (s: string) => s.replace(/\u00a0/g, ' ').split(/\s+/).filter(Boolean).join(' ');
      expect(words(toPlainText(sanitizePostingHtml(posting.description))), posting.text).toBe(words(posting.descriptionPlain));
    }
  });

  it('keeps curly quotes and decodes ampersands from the fixtures', () => {
    const all = fixtures.map((p) => toPlainText(sanitizePostingHtml(p.description))).join('\n');
    expect(all).toMatch(/[’“”]/);
    expect(fixtures.some((p) => p.description.includes('&amp;'))).toBe(true);
    expect(all).toContain('&');
  });
});
