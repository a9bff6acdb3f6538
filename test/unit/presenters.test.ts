import * as assert from 'node:assert/strict';
import { CHILD_PRESENTERS, PRESENTERS } from '../../src/tree/kinds';
import { dropletPresenter } from '../../src/tree/kinds/droplet';
import { seedDemo } from '../../src/demo/seed';
import { bytes, md, perMonth, relativeTime } from '../../src/tree/format';

const ALL = [...PRESENTERS, ...CHILD_PRESENTERS];

describe('Presenters', () => {
  it('give every kind its own icon', () => {
    const byIcon = new Map<string, string[]>();
    for (const p of ALL) byIcon.set(p.icon, [...(byIcon.get(p.icon) ?? []), p.kind.kind]);
    const shared = [...byIcon.entries()].filter(([, kinds]) => kinds.length > 1);
    assert.deepEqual(shared, []);
  });

  it('present each kind once', () => {
    const kinds = ALL.map((p) => p.kind.kind);
    assert.equal(new Set(kinds).size, kinds.length);
  });

  it('say a droplet is in transition while it is new or locked, and settled otherwise', () => {
    const [d] = seedDemo().droplets;
    assert.equal(dropletPresenter.transitional!(d), false);
    assert.equal(dropletPresenter.transitional!({ ...d, status: 'new' }), true);
    assert.equal(dropletPresenter.transitional!({ ...d, locked: true }), true);
    assert.equal(dropletPresenter.style!({ ...d, status: 'off' }).state, 'off');
  });

  it('escape API text in Markdown tooltips', () => {
    const [d] = seedDemo().droplets;
    const tooltip = dropletPresenter.tooltip({ ...d, name: '<img src=x onerror=alert(1)> *bold*' }, { size: () => undefined, dropletName: () => undefined, now: Date.now() });
    assert.doesNotMatch(tooltip, /(^|[^\\])</, 'an unescaped < in the tooltip');
    assert.ok(tooltip.includes('\\<img'));
  });
});

describe('Formatting', () => {
  it('formats money, sizes, times and Markdown', () => {
    assert.equal(perMonth(24), '$24/mo');
    assert.equal(perMonth(2.581), '$2.58/mo');
    assert.equal(perMonth(undefined), undefined);
    assert.equal(bytes(2_147_483_648), '2.1 GB');
    assert.equal(bytes(512), '512 B');
    assert.equal(relativeTime('2026-01-04T00:00:00Z', Date.parse('2026-01-01T00:00:00Z')), 'in 3 days');
    assert.equal(relativeTime('2025-12-31T23:00:00Z', Date.parse('2026-01-01T00:00:00Z')), '1 hour ago');
    assert.equal(md('a*b_c'), 'a\\*b\\_c');
  });
});
