/**
 * NFS shares in the real extension host against the fake (through Prism): listed under
 * Account-wide with their VPCs; a panel with where to mount it, its access points and snapshots;
 * created by a wizard with Back and checked sizes; resized (larger only), snapshotted, attached to
 * and detached from a VPC, each followed until the share shows it; access points added and deleted
 * (the default one kept); a snapshot deleted after reading it; the mount command copied; the share
 * deleted with its name typed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ResourcePanel } from '../../src/panels/detailPanels';
import type { CellView, SectionView } from '../../src/panels/protocol';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, nodeAt, runWithAnswers } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, KEEP, REJECT } from './support/scriptedInput';

describe('NFS shares', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const description = (n: ExplorerNode) => String(n.toTreeItem().description ?? '');
  const share = () => nodeAt(api, 'Account-wide', 'NFS shares', 'shared-data');
  const shareData = async () => (await fakeState()).nfsShares.find((s) => s.name === 'shared-data')!;
  const texts = (s: SectionView) => (s.type === 'table' ? s.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : (c as CellView).text))) : []);
  const noErrors = (notices: string[]) => assert.ok(!notices.some((n) => n.startsWith('error')), notices.join('\n'));

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(async () => {
    api.setUserInput(undefined);
    api.panels.closeAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists a share with its VPCs; its panel has where to mount it, its access points and snapshots; the mount command is copied', async () => {
    const node = await share();
    assert.equal(description(node), '100 GiB · nyc3 · default-nyc3');
    const key = (await vscode.commands.executeCommand<string>('digitalocean.showDetails', node))!;
    const panel: ResourcePanel = api.panels.get(key)!;
    await eventually('the panel to render', () => panel.lastView);
    const section = (id: string) => panel.lastView!.sections.find((s) => s.id === id)!;
    assert.deepEqual(texts(section('access-points')), [['default', '/', 'root squash', 'active']]);
    assert.deepEqual(
      texts(section('snapshots')).map((r) => [r[0], r[1], r[3]]),
      [['shared-data-weekly', '100 GiB', 'active']],
    );
    assert.ok(((section('vpcs') as Extract<SectionView, { type: 'table' }>).rows[0][0] as CellView).link, 'the VPC links to its panel');

    const input = await runWithAnswers(api, 'digitalocean.nfs.copyMountCommand', node, []);
    noErrors(input.notices);
    assert.equal(
      await vscode.env.clipboard.readText(),
      'sudo mkdir -p /mnt/shared-data && sudo mount -t nfs4 -o nconnect=16 10.110.0.50:/2633050/shared-data /mnt/shared-data',
    );
  });

  it('creates a share of a checked size on the VPCs chosen, followed until it is active', async () => {
    const input = await runWithAnswers(api, 'digitalocean.nfs.create', await nodeAt(api, 'Account-wide', 'NFS shares'), [
      REJECT('Team Files'),
      'team-files',
      'nyc3',
      REJECT('10'),
      '200',
      KEEP,
      'Create team-files',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    noErrors(input.notices);
    const state = await fakeState();
    const made = state.nfsShares.find((s) => s.name === 'team-files')!;
    assert.deepEqual([made.size_gib, made.region, made.vpc_ids], [200, 'nyc3', [state.vpcs.find((v) => v.name === 'default-nyc3')!.id]]);
    await eventually('the share to be active', async () => (await fakeState()).nfsShares.find((s) => s.name === 'team-files')?.status === 'ACTIVE');
  });

  it('grows a share, takes a snapshot, and deletes one after reading it', async () => {
    const grown = await runWithAnswers(api, 'digitalocean.nfs.resize', await share(), [REJECT('100'), '150', 'Resize']);
    assert.equal(grown.remaining, 0, grown.asked.join(' | '));
    noErrors(grown.notices);
    assert.equal((await shareData()).size_gib, 150);

    const snap = await runWithAnswers(api, 'digitalocean.nfs.snapshot', await share(), [REJECT('bad name!'), 'before-cleanup']);
    noErrors(snap.notices);
    assert.ok((await fakeState()).nfsSnapshots.some((s) => s.name === 'before-cleanup' && s.status === 'ACTIVE'));

    await fake.call('POST', '/__fake/log/clear');
    const removed = await runWithAnswers(api, 'digitalocean.nfs.deleteSnapshot', await share(), ['shared-data-weekly', 'Delete']);
    noErrors(removed.notices);
    assert.match(removed.confirmations[0].detail, /^100 GiB of shared-data, taken /);
    const state = await fakeState();
    assert.deepEqual(
      state.nfsSnapshots.map((s) => s.name),
      ['before-cleanup'],
    );
    const { handled } = await fake.log();
    assert.ok(
      handled.some((h) => h.method === 'GET' && h.path.startsWith('/v2/nfs/snapshots/')),
      'read before deleting',
    );
  });

  it('attaches a share to another VPC of its region and detaches it after a confirmation', async () => {
    const [account] = api.store.list();
    await api.model.client(account).request('POST', '/v2/vpcs', { body: { name: 'nyc3-private', region: 'nyc3', ip_range: '10.30.0.0/20' } });
    api.model.reloadKind(account, 'vpc');
    const attach = await runWithAnswers(api, 'digitalocean.nfs.attach', await share(), ['nyc3-private']);
    noErrors(attach.notices);
    assert.deepEqual(attach.offered[0], ['nyc3-private'], 'only VPCs of its region it is not attached to');
    const vpcId = (await fakeState()).vpcs.find((v) => v.name === 'nyc3-private')!.id;
    assert.ok((await shareData()).vpc_ids!.includes(vpcId));

    const detach = await runWithAnswers(api, 'digitalocean.nfs.detach', await share(), ['nyc3-private', 'Detach']);
    noErrors(detach.notices);
    assert.deepEqual(detach.offered[0], ['default-nyc3', 'nyc3-private']);
    assert.ok(!(await shareData()).vpc_ids!.includes(vpcId));
  });

  it('adds an access point with a checked name and path, and deletes it (the default one is not offered)', async () => {
    const added = await runWithAnswers(api, 'digitalocean.nfs.createAccessPoint', await share(), [
      REJECT('Uploads'),
      'uploads',
      REJECT('uploads'),
      ACCEPT,
      'Root squashed',
    ]);
    assert.equal(added.remaining, 0, added.asked.join(' | '));
    noErrors(added.notices);
    const id = (await shareData()).id;
    const points = () => fakeState().then((s) => s.nfsAccessPoints[id]);
    const made = (await points()).find((p) => p.name === 'uploads')!;
    assert.deepEqual([made.path, made.access_policy.squash_config, made.is_default], ['/uploads', 'ROOT_SQUASH', false]);

    const removed = await runWithAnswers(api, 'digitalocean.nfs.deleteAccessPoint', await share(), ['uploads', 'Delete']);
    noErrors(removed.notices);
    assert.deepEqual(removed.offered[0], ['uploads'], 'the default access point stays with the share');
    assert.deepEqual(
      (await points()).map((p) => p.name),
      ['default'],
    );
  });

  it('deletes a share only with its name typed', async () => {
    await runWithAnswers(api, 'digitalocean.resource.delete', await share(), ['shared']);
    assert.equal((await fakeState()).nfsShares.length, 1, 'a mistyped name deletes nothing');
    await runWithAnswers(api, 'digitalocean.resource.delete', await share(), ['shared-data']);
    assert.equal((await fakeState()).nfsShares.length, 0);
    await eventually(
      'the group to be empty',
      async () =>
        !(await api.explorer.getChildren(await nodeAt(api, 'Account-wide'))).map(label).some((l) => l.startsWith('NFS shares')) ||
        (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'NFS shares'))).filter((n) => 'item' in n).length === 0,
    );
  });
});
