import * as assert from 'node:assert/strict';
import { BACK } from './support/scriptedInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, freshDemo, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

describe('Create droplet wizard', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api, 800));

  afterEach(() => api.setUserInput(undefined));

  it('walks the steps with Back, creates the droplet in the chosen project, and waits until it is active', async () => {
    const input = await runWithAnswers(api, 'digitalocean.droplet.create', undefined, [
      'api-1', // name
      'sfo3', // region
      BACK, // back to the region …
      'ams3', // … and change it
      's-2vcpu-4gb', // size (offered for ams3)
      'Debian 12 x64', // image
      ['alice-laptop', 'ci-deploy'], // SSH keys
      'default-ams3', // VPC of the region
      ['monitoring', 'ipv6'], // options
      'Data Platform', // project
      'api, production', // tags
      BACK, // back from the summary to the tags …
      'api, prod', // … and change them
      'Create api-1', // confirm
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.asked.join(' | ')}`);
    const created = await fakeState();
    const d = created.droplets.find((x) => x.name === 'api-1')!;
    assert.ok(d, 'the droplet exists');
    assert.equal(d.status, 'active', 'the command returned once it was active');
    assert.equal(d.region.slug, 'ams3');
    assert.equal(d.size_slug, 's-2vcpu-4gb');
    assert.equal(d.image.slug, 'debian-12-x64');
    assert.deepEqual(d.tags, ['api', 'prod']);
    assert.ok(d.features.includes('ipv6'));
    const dataPlatform = created.projects.find((p) => p.name === 'Data Platform')!;
    assert.ok(created.projectResources[dataPlatform.id].some((r) => r.urn === `do:droplet:${d.id}`));

    const [account] = await api.explorer.getChildren();
    const project = (await api.explorer.getChildren(account)).find((n) => label(n) === 'Data Platform')!;
    const group = (await api.explorer.getChildren(project)).find((n) => label(n) === 'Droplets')!;
    assert.ok((await api.explorer.getChildren(group)).some((n) => label(n) === 'api-1'));
  });

  it('refuses a bad or taken name and bad tags at their step, and sends nothing when cancelled', async () => {
    const before = await writes();
    const bad = await runWithAnswers(api, 'digitalocean.droplet.create', undefined, ['bad name']);
    assert.match(bad.rejections.join(' '), /Only letters, digits/);
    await api.explorer.getChildren(); // (the taken-name check uses the droplets already listed)
    const cancelled = await runWithAnswers(api, 'digitalocean.droplet.create', undefined, [
      'api-2',
      'nyc3',
      's-1vcpu-1gb',
      'Ubuntu 24.04',
      [],
      'default-nyc3',
      [],
      'Acme Web',
      'bad tag!',
    ]);
    assert.match(cancelled.rejections.join(' '), /tags use letters/);
    const escaped = await runWithAnswers(api, 'digitalocean.droplet.create', undefined, ['api-3', undefined]);
    assert.equal(escaped.remaining, 0);
    assert.equal(await writes(), before);
  });
});
