/** VPC peerings: the name rule, the pairs the API refuses, and the name suggested from two VPCs (property tests). */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { vpc } from '../../src/api/resources/vpc';
import { suggestedPeeringName, vpcPairProblem, vpcPeeringNameProblem } from '../../src/api/resources/vpcPeering';

const v = (id: string, region: string, name = `net-${id}`) => ({ id, name, region });

describe('VPC peerings', () => {
  it('take letters, digits and dashes as a name, unique in the account', () => {
    assert.equal(vpcPeeringNameProblem('nyc3-ams3-link'), undefined);
    assert.match(vpcPeeringNameProblem('')!, /required/);
    assert.match(vpcPeeringNameProblem('a.b')!, /letters, digits and "-"/);
    assert.match(vpcPeeringNameProblem('a b')!, /letters, digits and "-"/);
    assert.match(vpcPeeringNameProblem('x'.repeat(256))!, /255/);
    assert.match(vpcPeeringNameProblem('link', ['link'])!, /exists already/);
  });

  it('refuse the same VPC twice, a pair peered already (either way round), and regions joined from BLR1', () => {
    const peerings = [{ name: 'link', vpc_ids: ['a', 'b'] as [string, string] }];
    assert.match(vpcPairProblem(v('a', 'nyc3'), v('a', 'nyc3'), [])!, /itself/);
    assert.match(vpcPairProblem(v('a', 'nyc3'), v('b', 'ams3'), peerings)!, /peered already \(link\)/);
    assert.match(vpcPairProblem(v('b', 'ams3'), v('a', 'nyc3'), peerings)!, /peered already/);
    assert.equal(vpcPairProblem(v('a', 'nyc3'), v('c', 'sfo3'), peerings), undefined);
    assert.match(vpcPairProblem(v('a', 'blr1'), v('c', 'sfo3'), [])!, /BLR1/);
    assert.match(vpcPairProblem(v('c', 'sfo3'), v('a', 'blr1'), [])!, /BLR1/);
    assert.equal(vpcPairProblem(v('a', 'blr1'), v('c', 'blr1'), []), undefined, 'within BLR1 is offered');
  });

  it('suggest, from any two VPC names the API takes, a name the API takes or none (1,000 pairs)', () => {
    const vpcName = fc.stringMatching(/^[a-zA-Z0-9.-]{1,255}$/).filter((n) => vpc.nameProblem!(n) === undefined);
    fc.assert(
      fc.property(vpcName, vpcName, (a, b) => {
        const name = suggestedPeeringName({ name: a }, { name: b });
        if (name === '') assert.ok(!/[a-zA-Z0-9]/.test(a + b), `${a} + ${b} gave nothing`);
        else assert.equal(vpcPeeringNameProblem(name), undefined, `${a} + ${b} → ${name}`);
        // the letters and digits of both names, in order, when it fits
        const kept = (a + b).replace(/[^a-zA-Z0-9]/g, '');
        if ((a + b).length < 250) assert.equal(name.replace(/-/g, ''), kept);
      }),
      { numRuns: 1000 },
    );
  });
});
