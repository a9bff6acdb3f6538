import * as assert from 'node:assert/strict';
import { CHILD_PRESENTERS, PRESENTERS } from '../../src/tree/kinds';
import { dropletPresenter } from '../../src/tree/kinds/droplet';
import { appPresenter } from '../../src/tree/kinds/app';
import type { App } from '../../src/api/resources/app';
import { when } from '../../src/panels/kinds/builder';
import { seedDemo } from '../../src/demo/seed';
import { bytes, md, perMonth, relativeTime, shortList } from '../../src/tree/format';

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
    const tooltip = dropletPresenter.tooltip(
      { ...d, name: '<img src=x onerror=alert(1)> *bold*' },
      { size: () => undefined, dropletName: () => undefined, vpcName: () => undefined, now: Date.now() },
    );
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
    assert.equal(shortList(['a', 'b', 'c']), 'a, b, c');
    assert.equal(shortList(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 5), 'a, b, c, d, e and 2 more');
    assert.equal(shortList([]), '');
  });
});

describe('An app in the tree and in its panel', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  const ctx = { size: () => undefined, dropletName: () => undefined, vpcName: () => undefined, now };
  const app = () => seedDemo().apps[0] as unknown as App;

  it('words its deploy time the same in both places: 2.6 days is "3 days ago" in each', () => {
    const at = new Date(now - 2.6 * 86_400_000).toISOString();
    assert.match(appPresenter.description!({ ...app(), last_deployment_active_at: at }, ctx)!, /deployed 3 days ago/);
    assert.equal(when(at, now), `${at.slice(0, 16).replace('T', ' ')} UTC (3 days ago)`);
    assert.match(when(new Date(now + 3 * 3_600_000).toISOString(), now), /\(in 3 hours\)$/);
  });

  it('says an app never deployed has no deployment yet, not "unknown"', () => {
    const never = { ...app(), active_deployment: undefined, in_progress_deployment: undefined, last_deployment_active_at: undefined };
    const description = appPresenter.description!(never, ctx)!;
    assert.match(description, /^no deployment yet/);
    assert.doesNotMatch(description + appPresenter.tooltip(never, ctx), /unknown/i);
    assert.equal(appPresenter.style!(never).state, 'undeployed');
  });
});
