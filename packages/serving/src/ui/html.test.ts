import { escapeHtml, html, trusted } from './html.js';

describe('the html template tag', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const hostile = `"><script>alert('x')</script>&`;
    const out = html`<p title="${hostile}">${hostile}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
  });

  it('passes markup built by the tag through once, and joins arrays', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    const list = html`<ul>
      ${items}
    </ul>`.value.replace(/\s+/g, '');
    expect(list).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}${1.5}`.value).toBe('01.5');
  });

  it('leaves trusted constant markup alone and escapes backticks', () => {
    expect(html`${trusted('<br>')}`.value).toBe('<br>');
    expect(escapeHtml('`')).toBe('&#96;');
  });
});
