import { escapeXml, niceTicks, tickLabel } from './svg.js';

describe('svg helpers', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
  });

  it('chooses round tick steps', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 2600, 3)).toEqual([0, 1000, 2000]);
  });

  it('prints ticks without floating-point noise', () => {
    expect(tickLabel(0.1 + 0.2)).toBe('0.3');
    expect(tickLabel(25000)).toBe('25k');
  });
});
