import * as assert from 'node:assert/strict';
import { cpuPercent, usedPercent } from '../../src/api/monitoring';
import { humanize, maskedJson } from '../../src/panels/kinds/properties';
import { parseWebviewMessage } from '../../src/panels/protocol';

describe('Detail panel protocol', () => {
  it('accepts exactly the messages a panel may send', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'button', id: 'power-off' }), { type: 'button', id: 'power-off' });
    assert.deepEqual(parseWebviewMessage({ type: 'range', range: '24h' }), { type: 'range', range: '24h' });
    for (const bad of [
      null,
      'ready',
      [],
      { type: 'ready', extra: 1 },
      { type: 'button' },
      { type: 'button', id: 42 },
      { type: 'button', id: '<script>' },
      { type: 'button', id: 'x'.repeat(121) },
      { type: 'copy', id: 'a b' },
      { type: 'range', range: '30d' },
      { type: 'range', range: '1h', id: 'x' },
      { type: 'run', command: 'rm -rf /' },
      { type: '__proto__', id: 'x' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('masks secrets in the raw JSON: password fields, keys, and passwords inside URIs', () => {
    const raw = maskedJson({
      name: 'db',
      connection: { uri: 'postgresql://doadmin:s3cr3t@host:25060/defaultdb', password: 's3cr3t', user: 'doadmin' },
      key: 'dof_v1_abc',
      public_key: 'ssh-ed25519 AAAA',
      nested: [{ token: 'tok' }],
    });
    assert.ok(!raw.includes('s3cr3t') && !raw.includes('dof_v1_abc') && !raw.includes('"tok"'), raw);
    assert.match(raw, /postgresql:\/\/doadmin:••••••••@host:25060\/defaultdb/);
    assert.match(raw, /ssh-ed25519 AAAA/, 'a public key is not a secret');
  });

  it('labels API fields readably', () => {
    assert.equal(humanize('storage_size_mib'), 'Storage size MiB');
    assert.equal(humanize('vpc_uuid'), 'VPC uuid');
    assert.equal(humanize('ip_address'), 'IP address');
  });
});

describe('Droplet metrics', () => {
  it('turns cumulative CPU seconds per mode into utilisation, skipping counter resets', () => {
    const series = [
      {
        metric: { mode: 'idle' },
        values: [
          [0, 100],
          [60, 145],
          [120, 190],
          [180, 10],
          [240, 40],
        ] as [number, number][],
      },
      {
        metric: { mode: 'user' },
        values: [
          [0, 50],
          [60, 65],
          [120, 95],
          [180, 5],
          [240, 35],
        ] as [number, number][],
      },
    ];
    // 60 s: idle +45, user +15 → 25 %; 120 s: idle +45, user +30 → 40 %; 180 s: reset, skipped;
    // 240 s: idle +30, user +30 → 50 %
    assert.deepEqual(cpuPercent(series), [
      [60, 25],
      [120, 40],
      [240, 50],
    ]);
  });

  it('computes the used share from available and total at matching times', () => {
    const total = {
      metric: {},
      values: [
        [0, 1000],
        [60, 1000],
      ] as [number, number][],
    };
    const available = {
      metric: {},
      values: [
        [0, 250],
        [60, 600],
        [120, 10],
      ] as [number, number][],
    };
    assert.deepEqual(usedPercent(available, total), [
      [0, 75],
      [60, 40],
    ]);
    assert.deepEqual(usedPercent(undefined, total), []);
  });
});
