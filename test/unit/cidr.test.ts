/** VPC ranges: CIDR parsing and overlap against address-by-address checks (property tests). */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { freeRange, overlaps, parseCidr, vpcRangeProblem } from '../../src/api/cidr';

const octet = fc.integer({ min: 0, max: 255 });
const address = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));

describe('CIDR ranges', () => {
  it('overlap exactly when they share an address (1,000 pairs, counted address by address)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 24, max: 32 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 24, max: 32 }),
        (a, pa, b, pb) => {
          // two ranges in the same /24 (and its neighbour), small enough to list
          const x = parseCidr(`10.0.0.${a}/${pa}`)!;
          const y = parseCidr(`10.0.${b % 2}.${b}/${pb}`)!;
          const addresses = (c: { base: number; prefix: number }) => new Set(Array.from({ length: 2 ** (32 - c.prefix) }, (_, i) => c.base + i));
          const shared = [...addresses(x)].some((n) => addresses(y).has(n));
          assert.equal(overlaps(x, y), shared, `${x.text} and ${y.text}`);
          assert.equal(overlaps(y, x), shared);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('parse what they print, and never throw on any text (1,000 each)', () => {
    fc.assert(
      fc.property(address, fc.integer({ min: 0, max: 32 }), (a, prefix) => {
        const c = parseCidr(`${a}/${prefix}`)!;
        assert.ok(c, `${a}/${prefix}`);
        assert.deepEqual(parseCidr(c.text), { ...c, aligned: true });
        assert.equal(c.aligned, c.text === `${a}/${prefix}`);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => void vpcRangeProblem(text)),
      { numRuns: 1000 },
    );
  });

  it('accept private /16 to /28 network addresses that overlap nothing, and say why not otherwise', () => {
    const taken = [{ name: 'default-nyc3', ip_range: '10.10.0.0/20' }];
    assert.equal(vpcRangeProblem('10.20.0.0/24', taken), undefined);
    assert.equal(vpcRangeProblem('172.16.0.0/16', taken), undefined);
    assert.equal(vpcRangeProblem('192.168.1.0/28', taken), undefined);
    assert.match(vpcRangeProblem('10.10.8.0/24', taken)!, /Overlaps default-nyc3/);
    assert.match(vpcRangeProblem('10.0.0.0/12', taken)!, /Overlaps|From \/16/);
    assert.match(vpcRangeProblem('172.32.0.0/16')!, /private/);
    assert.match(vpcRangeProblem('192.168.1.0/29')!, /to \/28/);
    assert.match(vpcRangeProblem('10.1.2.3/16')!, /did you mean 10\.1\.0\.0\/16/);
    assert.match(vpcRangeProblem('10.1.2.300/24')!, /CIDR/);
    assert.match(vpcRangeProblem('010.1.2.0/24')!, /CIDR/);
  });

  it('pick a free /20 as the API does when none is given', () => {
    assert.equal(freeRange([]), '10.100.0.0/20');
    assert.equal(freeRange(['10.100.0.0/20', '10.100.16.0/24']), '10.100.32.0/20');
  });
});
