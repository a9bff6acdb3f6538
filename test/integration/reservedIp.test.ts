import * as assert from 'node:assert/strict';
import type { ScriptedAnswer } from './support/scriptedInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, freshDemo, runWithAnswers } from './support/env';
import { fakeState } from './support/fakeState';

type ReservedIp = { ip: string; region: { slug: string }; droplet: { id: number; name: string } | null };

describe('Reserved IP actions', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);

  async function reservedIps(): Promise<ReservedIp[]> {
    return (await fakeState()).reservedIps;
  }

  async function node(project: string, name?: string): Promise<ExplorerNode> {
    const [account] = await api.explorer.getChildren();
    const p = (await api.explorer.getChildren(account)).find((n) => label(n) === project)!;
    const group = (await api.explorer.getChildren(p)).find((n) => label(n) === 'Reserved IPs')!;
    if (!name) return group;
    const found = (await api.explorer.getChildren(group)).find((n) => label(n) === name);
    assert.ok(found, `no reserved IP ${name}`);
    return found;
  }

  const run = (command: string, arg: ExplorerNode | undefined, answers: ScriptedAnswer[] = []) =>
    runWithAnswers(api, `digitalocean.reservedIp.${command}`, arg, answers);

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api));

  afterEach(() => api.setUserInput(undefined));

  it('creates one for a droplet and one in a region, and the tree shows them', async () => {
    await run('create', await node('Acme Web'), ['Assigned to a droplet', 'web-2', 'Reserve an IP for web-2']);
    const inRegion = await run('create', await node('Acme Web'), ['Unassigned, in a region', 'sfo3', 'Reserve an IP in sfo3']);
    assert.equal(inRegion.offeredItems.at(-1)?.[0].description, '$5/mo', 'the summary says what an unassigned IP costs');
    const ips = await reservedIps();
    const forWeb2 = ips.find((r) => r.droplet?.name === 'web-2');
    const inSfo = ips.find((r) => r.region.slug === 'sfo3');
    assert.ok(forWeb2 && inSfo, JSON.stringify(ips));
    assert.equal(inSfo.droplet, null);
    const listed = (await api.explorer.getChildren(await node('Acme Web'))).map(label);
    assert.ok(listed.includes(forWeb2.ip) && listed.includes(inSfo.ip), listed.join(', '));
  });

  it('assigns an unassigned IP to a droplet of its region only, unassigns and releases after confirmation', async () => {
    // 192.0.2.51 is in ams3: only ams3 droplets are offered (the pick is dismissed)
    const inAms3 = (await fakeState()).droplets
      .filter((d) => d.region.slug === 'ams3' && d.status !== 'archive')
      .map((d) => d.name)
      .sort();
    assert.ok(inAms3.includes('bastion') && !inAms3.includes('web-1'), `the demo's ams3 droplets: ${inAms3.join(', ')}`);
    const picking = await run('assign', await node('Data Platform', '192.0.2.51'), [undefined]);
    assert.deepEqual([...picking.offered[0]].sort(), inAms3);
    assert.equal((await reservedIps()).find((r) => r.ip === '192.0.2.51')?.droplet, null);

    await run('assign', await node('Data Platform', '192.0.2.51'), ['bastion']);
    assert.equal((await reservedIps()).find((r) => r.ip === '192.0.2.51')?.droplet?.name, 'bastion');
    assert.equal(String((await node('Data Platform', '192.0.2.51')).toTreeItem().description), '→ bastion · ams3');

    await run('unassign', await node('Data Platform', '192.0.2.51'), ['Cancel']);
    assert.equal((await reservedIps()).find((r) => r.ip === '192.0.2.51')?.droplet?.name, 'bastion');
    await run('unassign', await node('Data Platform', '192.0.2.51'), ['Unassign']);
    assert.equal((await reservedIps()).find((r) => r.ip === '192.0.2.51')?.droplet, null);

    await run('release', await node('Data Platform', '192.0.2.51'), ['Release']);
    assert.equal(
      (await reservedIps()).find((r) => r.ip === '192.0.2.51'),
      undefined,
    );
    const [account] = await api.explorer.getChildren();
    const data = (await api.explorer.getChildren(account)).find((n) => label(n) === 'Data Platform')!;
    assert.ok(!(await api.explorer.getChildren(data)).some((n) => label(n) === 'Reserved IPs'));
  });
});
