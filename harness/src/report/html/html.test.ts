import { describe, expect, it } from 'vitest';
import { html } from './html.js';
import { SafeHtml } from './SafeHtml.js';

describe('html', () => {
  it('escapes interpolated strings, including quotes for attributes', () => {
    const reason = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${reason}">${reason}</p>`.text).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('keeps nested markup, flattens arrays and drops nothing-ish values', () => {
    const items = ['a<b', 'c'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${undefined}${null}${false}${0}`.text).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('does not trust a plain string that looks like markup', () => {
    expect(html`${'<b>x</b>'}${new SafeHtml('<i>y</i>')}`.text).toBe('&lt;b&gt;x&lt;/b&gt;<i>y</i>');
  });
});
