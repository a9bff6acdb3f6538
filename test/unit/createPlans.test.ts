// The rules a droplet or database plan must pass before it is sent: the create wizards check their
// plan with them, and the agents' create tool refuses with their messages. Checked here against a
// small offer, every rule once, and with fast-check: a plan built only from what the offer lists
// always passes, and changing any one field to something not offered is always named.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DatabaseEngineOptions } from '../../src/api/resources/database';
import type { DropletSize } from '../../src/api/resources/droplet';
import type { Image } from '../../src/api/resources/image';
import { databasePlanProblems, dropletMonthlyPrice, dropletPlanProblems } from '../../src/model/createPlans';

const size = (slug: string, price: number, regions: string[], disk = 25, available = true) =>
  ({ slug, price_monthly: price, regions, disk, available }) as DropletSize;
const image = (id: number, slug: string | null, regions: string[] = [], min_disk_size: number | null = null) =>
  ({ id, slug, name: slug ?? `custom-${id}`, distribution: 'Ubuntu', regions, min_disk_size }) as Image;

const offer = {
  regions: [
    { slug: 'nyc3', name: 'New York 3', available: true },
    { slug: 'ams3', name: 'Amsterdam 3', available: true },
    { slug: 'old1', name: 'Retired', available: false },
  ],
  sizes: [size('s-1vcpu-1gb', 6, ['nyc3', 'ams3']), size('s-8vcpu-16gb', 96, ['nyc3'], 320), size('gone', 1, ['nyc3'], 25, false)],
  images: [image(1, 'ubuntu-24-04-x64'), image(2, null, ['ams3']), image(3, null, [], 100)],
};

describe('Create plans: the rules the wizards and the agents share', () => {
  it('droplets: region, size in that region, image by slug or id in that region and disk, name', () => {
    const ok = { name: 'web-9', region: 'nyc3', size: 's-1vcpu-1gb', image: 'ubuntu-24-04-x64' };
    assert.deepEqual(dropletPlanProblems(ok, offer), []);
    assert.deepEqual(dropletPlanProblems({ ...ok, region: 'ams3', image: 2 }, offer), [], 'a custom image by id, in its region');
    const one = (plan: object) => dropletPlanProblems({ ...ok, ...plan }, offer);
    assert.match(one({ region: 'old1' })[0], /^region: old1 is not a region that takes droplets; these do: nyc3, ams3\.$/);
    assert.match(one({ region: 'ams3', size: 's-8vcpu-16gb' })[0], /^size: s-8vcpu-16gb is not offered in ams3; these are: s-1vcpu-1gb \(\$6\/mo\)\.$/);
    assert.match(one({ size: 'gone' })[0], /^size: gone is not offered/);
    assert.match(one({ image: 2 })[0], /^image: custom-2 is not in nyc3; it is in ams3\.$/);
    assert.match(one({ image: 3 })[0], /^image: custom-3 needs a disk of 100 GB; s-1vcpu-1gb has 25 GB\.$/);
    assert.deepEqual(one({ image: 3, size: 's-8vcpu-16gb' }), []);
    assert.match(one({ image: 'windows-95' })[0], /^image: windows-95 is neither a distribution/);
    assert.match(one({ name: '  ' })[0], /^name: A name is required\.$/);
    assert.equal(one({ name: '', size: 'nope', image: 'nope' }).length, 3, 'every problem at once');
    assert.equal(dropletMonthlyPrice({ ...ok, backups: true }, offer.sizes), 6 * 1.2);
  });

  const options: Record<string, DatabaseEngineOptions> = {
    pg: {
      versions: ['16', '17'],
      regions: ['nyc3'],
      layouts: [
        { num_nodes: 1, sizes: ['db-1'] },
        { num_nodes: 3, sizes: ['db-1', 'db-4'] },
      ],
    },
    valkey: { versions: ['8'], regions: ['nyc3'], layouts: [{ num_nodes: 1, sizes: ['db-1'] }] },
    retired: { versions: [], regions: ['nyc3'], layouts: [] },
  };

  it('databases: engine, version, region, layout, size of that layout, storage in steps of 10 GiB, names taken', () => {
    const ok = { name: 'pg-1', engine: 'pg', version: '17', region: 'nyc3', num_nodes: 3, size: 'db-4' };
    assert.deepEqual(databasePlanProblems(ok, options, []), []);
    const one = (plan: object, taken: string[] = []) => databasePlanProblems({ ...ok, ...plan }, options, taken);
    assert.deepEqual(one({ engine: 'retired' }), ['engine: retired is not offered; these are: pg, valkey.']);
    assert.deepEqual(one({ version: '9' }), ['version: pg 9 is not offered; these are: 16, 17.']);
    assert.deepEqual(one({ region: 'ams3' }), ['region: pg is not offered in ams3; these are: nyc3.']);
    assert.deepEqual(one({ num_nodes: 2 }), ['num_nodes: pg takes 1, 3 nodes.']);
    assert.deepEqual(one({ num_nodes: 1 }), ['size: db-4 is not offered for 1 nodes; these are: db-1.']);
    assert.deepEqual(one({ storage_size_mib: 20 * 1024 }), []);
    assert.match(one({ storage_size_mib: 15 * 1024 })[0], /^storage_size_mib: total storage in steps of 10 GiB/);
    assert.deepEqual(one({ engine: 'valkey', version: '8', num_nodes: 1, size: 'db-1', storage_size_mib: 10240 }), [
      'storage_size_mib: valkey takes no extra storage.',
    ]);
    assert.match(one({}, ['pg-1'])[0], /^name: The account has a database cluster named pg-1 already\.$/);
  });

  it('a plan made of what is offered passes; one field changed to what is not is named (1,000 cases each)', () => {
    const regionOf = fc.constantFrom('nyc3', 'ams3');
    fc.assert(
      fc.property(regionOf, fc.boolean(), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/), (region, backups, name) => {
        const sizeSlug = offer.sizes.find((s) => s.available && s.regions.includes(region))!.slug;
        const plan = { name, region, size: sizeSlug, image: region === 'ams3' ? 2 : 'ubuntu-24-04-x64', backups };
        assert.deepEqual(dropletPlanProblems(plan, offer), []);
        assert.match(dropletPlanProblems({ ...plan, size: `${sizeSlug}x` }, offer).join(' '), /^size: /);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.constantFrom('16', '17'), fc.constantFrom(1, 3), fc.integer({ min: 1, max: 1638 }), (version, nodes, tens) => {
        const plan = { name: 'pg-x', engine: 'pg', version, region: 'nyc3', num_nodes: nodes, size: 'db-1', storage_size_mib: tens * 10 * 1024 };
        assert.deepEqual(databasePlanProblems(plan, options, []), []);
        assert.match(databasePlanProblems({ ...plan, storage_size_mib: plan.storage_size_mib + 1024 }, options, []).join(' '), /^storage_size_mib: /);
      }),
      { numRuns: 1000 },
    );
  });
});
