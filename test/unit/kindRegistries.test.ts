/**
 * The registries find their kinds in their folders (scripts/kindFiles.mjs), so adding a kind is
 * adding its files. These tests read the folders' sources on their own and check that every
 * descriptor, presenter and panel builder declared there is found, once, and in a stable order.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_KINDS, kindByKey, parseUrn } from '../../src/api';
import { CHILD_PRESENTERS, PRESENTERS, presenterForKind } from '../../src/tree/kinds';
import { builderFor } from '../../src/panels/kinds';

const sources = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

/** `export const volumePresenter: Presenter<Volume> = {` → "volumePresenter", … */
const declared = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]).sort();

describe('Kind registries', () => {
  it('know every descriptor declared in src/api/resources, each once', () => {
    const keys = declared(sources('src/api/resources'), /^  kind: '([^']+)',$/gm);
    assert.ok(keys.length >= 30, `only ${keys.length} descriptors found in the sources`);
    assert.deepEqual(ALL_KINDS.map((k) => k.kind).sort(), keys);
    for (const key of keys) assert.equal(kindByKey(key)?.kind, key);
    assert.equal(parseUrn('do:volume:abc').kind?.kind, 'volume');
  });

  it('present every presenter declared in src/tree/kinds, top-level kinds in their group order', () => {
    const names = declared(sources('src/tree/kinds'), /export const (\w+): Presenter</g);
    assert.equal(PRESENTERS.length + CHILD_PRESENTERS.length, names.length);
    assert.deepEqual(
      PRESENTERS.map((p) => p.kind.kind),
      [
        'droplet',
        'kubernetes_cluster',
        'app',
        'database_cluster',
        'volume',
        'load_balancer',
        'reserved_ip',
        'domain',
        'registry',
        'functions_namespace',
        'droplet_autoscale_pool',
        'nfs_share',
        'snapshot',
        'image',
        'reserved_ipv6',
        'firewall',
        'vpc',
        'vpc_peering',
        'vpc_nat_gateway',
        'byoip_prefix',
        'partner_attachment',
        'certificate',
        'cdn_endpoint',
        'uptime_check',
        'alert_policy',
        'ssh_key',
        'spaces_key',
        'tag',
      ],
    );
    const orders = PRESENTERS.map((p) => p.groupOrder);
    assert.ok(
      orders.every((o) => typeof o === 'number'),
      'every top-level presenter has a groupOrder',
    );
    assert.equal(new Set(orders).size, orders.length, 'group orders are distinct');
    assert.ok(CHILD_PRESENTERS.every((p) => p.placement === 'child'));
    for (const p of [...PRESENTERS, ...CHILD_PRESENTERS]) assert.equal(presenterForKind(p.kind.kind), p);
  });

  it('give each kind with a panel file its builder, and every other kind the properties panel', () => {
    const kinds = declared(sources('src/panels/kinds'), /export const \w+: PanelBuilder<\w+> = \{\s*kind: '([^']+)'/g);
    assert.ok(kinds.length >= 5);
    for (const kind of kinds) assert.equal(builderFor(kind).kind, kind);
    assert.equal(builderFor('volume').kind, '*');
  });

  it("carry each kind's name rule on its descriptor: empty and taken names refused, a plain one accepted", () => {
    const ruled = ALL_KINDS.filter((k) => k.nameProblem);
    assert.deepEqual(ruled.map((k) => k.kind).sort(), [
      'app',
      'certificate',
      'connection_pool',
      'database_cluster',
      'database_db',
      'database_log_sink',
      'database_replica',
      'database_user',
      'domain',
      'droplet',
      'droplet_autoscale_pool',
      'firewall',
      'functions_trigger',
      'kafka_topic',
      'kubernetes_cluster',
      'load_balancer',
      'nfs_share',
      'node_pool',
      'project',
      'snapshot',
      'spaces_key',
      'ssh_key',
      'tag',
      'uptime_check',
      'volume',
      'vpc',
      'vpc_nat_gateway',
      'vpc_peering',
    ]);
    for (const kind of ruled) {
      const plain = kind.kind === 'domain' ? 'web-1.example' : 'web-1';
      assert.ok(kind.nameProblem!(''), `${kind.kind}: an empty name`);
      assert.equal(kind.nameProblem!(plain), undefined, `${kind.kind}: ${plain}`);
      assert.ok(kind.nameProblem!('x'.repeat(300)), `${kind.kind}: 300 characters`);
    }
    assert.ok(kindByKey('node_pool')!.nameProblem!('pool-1', ['pool-1']), 'a taken pool name');
    assert.ok(kindByKey('volume')!.nameProblem!('Uploads'), 'volume names are lowercase');
    for (const key of ['kubernetes_cluster', 'load_balancer', 'domain', 'app', 'certificate', 'database_cluster', 'uptime_check']) {
      const name = key === 'domain' ? 'shop.example' : 'taken-1';
      assert.ok(kindByKey(key)!.nameProblem!(name, [name]), `a taken ${key} name`);
    }
    assert.ok(kindByKey('kubernetes_cluster')!.nameProblem!('Prod_K8s'), 'cluster names are lowercase DNS labels');
    assert.ok(kindByKey('firewall')!.nameProblem!('-fw'), 'a firewall name starts with a letter or digit');
  });
});
