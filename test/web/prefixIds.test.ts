import { describe, expect, it } from 'vitest';
import { prefixIds } from '../../src/web/prefixIds';

describe('prefixIds', () => {
  it('prefixes ids and every kind of reference to them', () => {
    const html =
      '<figure id="chart-fan-figure" aria-labelledby="chart-fan-title"><h3 id="chart-fan-title">T</h3><p id="s">S</p>' +
      '<canvas id="chart-fan" data-chart="chart-fan" role="img" aria-labelledby="chart-fan-title" aria-describedby="s"></canvas>' +
      '<label for="x">X</label><input id="x"><td headers="a b">1</td><a href="#chart-fan-figure">see</a><a href="/scenarios/x#top">away</a>';
    expect(prefixIds(html, 'en-')).toBe(
      '<figure id="en-chart-fan-figure" aria-labelledby="en-chart-fan-title"><h3 id="en-chart-fan-title">T</h3><p id="en-s">S</p>' +
        '<canvas id="en-chart-fan" data-chart="chart-fan" role="img" aria-labelledby="en-chart-fan-title" aria-describedby="en-s"></canvas>' +
        '<label for="en-x">X</label><input id="en-x"><td headers="en-a en-b">1</td><a href="#en-chart-fan-figure">see</a><a href="/scenarios/x#top">away</a>',
    );
  });

  it('leaves text that only looks like an attribute alone (views escape quotes in text)', () => {
    const html = '<p data-id="keep">say id=&#34;no&#34; and grid="x"</p>';
    expect(prefixIds(html, 'cy-')).toBe(html);
  });

  it('refuses a prefix that would break the attribute', () => {
    expect(() => prefixIds('<p id="a">', '"x')).toThrow('prefixIds: expected a prefix');
  });
});
