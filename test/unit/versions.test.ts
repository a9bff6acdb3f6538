import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareVersions, newestFirst } from '../../src/api/versions';

describe('version order (wizards preselect the newest by version, not by list position)', () => {
  it('compares dotted numbers as numbers', () => {
    assert.ok(compareVersions('1.33.2-do.0', '1.31.10-do.0') > 0);
    assert.ok(compareVersions('1.31.10-do.0', '1.31.9-do.1') > 0);
    assert.ok(compareVersions('16', '8') > 0);
    assert.ok(compareVersions('7.2', '7.10') < 0);
    assert.ok(compareVersions('1.33.2-do.1', '1.33.2-do.0') > 0);
    assert.equal(compareVersions('3.8', '3.8'), 0);
  });

  it('puts the newest first whatever order the API used, leaving the input alone (1,000 cases)', () => {
    const version = fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40)).map(([a, b, c]) => ({ text: `${a}.${b}.${c}`, parts: [a, b, c] }));
    fc.assert(
      fc.property(fc.array(version, { maxLength: 12 }), (list) => {
        const input = list.map((v) => v.text);
        const copy = [...input];
        const sorted = newestFirst(input, (v) => v);
        assert.deepEqual(input, copy, 'input untouched');
        const byParts = [...list].sort((x, y) => y.parts[0] - x.parts[0] || y.parts[1] - x.parts[1] || y.parts[2] - x.parts[2]).map((v) => v.text);
        assert.deepEqual(sorted, byParts);
      }),
      { numRuns: 1000 },
    );
  });
});
