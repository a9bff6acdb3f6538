import * as assert from 'node:assert/strict';
import type { ScriptedAnswer } from './support/scriptedInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, freshDemo, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

type Volume = { id: string; name: string; size_gigabytes: number; droplet_ids: number[]; region: { slug: string } };

describe('Volume actions', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);

  const data = () => fakeState();

  async function volumeNamed(name: string): Promise<Volume | undefined> {
    return (await data()).volumes.find((v) => v.name === name);
  }

  async function node(project: string, name?: string): Promise<ExplorerNode> {
    const [account] = await api.explorer.getChildren();
    const p = (await api.explorer.getChildren(account)).find((n) => label(n) === project)!;
    const group = (await api.explorer.getChildren(p)).find((n) => label(n) === 'Volumes')!;
    if (!name) return group;
    const found = (await api.explorer.getChildren(group)).find((n) => label(n) === name);
    assert.ok(found, `no volume ${name}`);
    return found;
  }

  const run = (command: string, arg: ExplorerNode | undefined, answers: ScriptedAnswer[] = []) =>
    runWithAnswers(api, `digitalocean.volume.${command}`, arg, answers);

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api));

  afterEach(() => api.setUserInput(undefined));

  it('creates a volume after checking name and size at the input box', async () => {
    const before = await writes();
    for (const [answers, problem] of [
      [['Uploads'], /Start with a lowercase letter/],
      [['has space'], /Only lowercase letters/],
      [['a'.repeat(65)], /At most 64/],
      [['ok-name', '0'], /At least 1 GB/],
      [['ok-name', '12.5'], /whole number/],
      [['ok-name', '20000'], /At most 16384/],
    ] as const) {
      const input = await run('create', await node('Acme Web'), [...answers]);
      assert.match(input.rejections.join(' '), problem);
    }
    assert.equal(await writes(), before, 'nothing was sent for bad input');

    // from Data Platform's Volumes: that project is preselected, and the volume lands there
    const input = await run('create', await node('Data Platform'), ['scratch', '40', 'nyc3', 'ci, scratch', 'Data Platform', 'Create scratch']);
    assert.equal(input.remaining, 0, `asked: ${input.asked.join(' | ')}`);
    const projectStep = input.offeredItems[input.offeredItems.length - 2];
    assert.deepEqual(
      projectStep.filter((i) => i.picked).map((i) => i.label),
      ['Data Platform'],
      'the project it was asked from is preselected',
    );
    assert.match(String(input.offeredItems[input.offeredItems.length - 1][0].description), /40 GB · nyc3 · \$4\/mo/, 'the summary says the monthly price');
    const created = await volumeNamed('scratch');
    assert.equal(created?.size_gigabytes, 40);
    assert.equal(created?.region.slug, 'nyc3');
    assert.deepEqual((created as { tags?: string[] } | undefined)?.tags, ['ci', 'scratch']);
    assert.ok((await api.explorer.getChildren(await node('Data Platform'))).some((n) => label(n) === 'scratch'));
    assert.ok(!(await api.explorer.getChildren(await node('Acme Web'))).some((n) => label(n) === 'scratch'));
  });

  it('attaches to a droplet of its region only, detaches after confirmation', async () => {
    // pg-backups is in ams3: nyc3's web-1 is not offered
    const wrong = await run('attach', await node('Data Platform', 'pg-backups'), ['web-1']);
    assert.equal(wrong.remaining, 0);
    assert.deepEqual((await volumeNamed('pg-backups'))?.droplet_ids, []);

    await run('attach', await node('Data Platform', 'pg-backups'), ['bastion']);
    assert.deepEqual((await volumeNamed('pg-backups'))?.droplet_ids, [311000005]);
    assert.match(String((await node('Data Platform', 'pg-backups')).toTreeItem().description), /→ bastion/);

    await run('detach', await node('Data Platform', 'pg-backups'), ['Cancel']);
    assert.deepEqual((await volumeNamed('pg-backups'))?.droplet_ids, [311000005]);
    await run('detach', await node('Data Platform', 'pg-backups'), ['Detach']);
    assert.deepEqual((await volumeNamed('pg-backups'))?.droplet_ids, []);
  });

  it('grows only: shrinking or keeping the size is refused at the input box', async () => {
    const before = await writes();
    for (const answer of ['100', '50', 'big']) {
      const input = await run('resize', await node('Acme Web', 'web-uploads'), [answer]);
      assert.equal(input.rejections.length, 1, `${answer} was accepted`);
    }
    assert.equal(await writes(), before);
    await run('resize', await node('Acme Web', 'web-uploads'), ['150']);
    assert.equal((await volumeNamed('web-uploads'))?.size_gigabytes, 150);
    assert.match(String((await node('Acme Web', 'web-uploads')).toTreeItem().description), /^150 GB/);
  });

  it('takes a snapshot, and deletes an unattached volume only after its name is typed', async () => {
    await run('snapshot', await node('Acme Web', 'web-uploads'), ['uploads-before-migration']);
    const uploads = await volumeNamed('web-uploads');
    assert.ok((await data()).snapshots.some((s) => s.name === 'uploads-before-migration' && s.resource_id === uploads?.id));

    // attached volumes cannot be deleted
    await run('delete', await node('Acme Web', 'web-uploads'), ['web-uploads']);
    assert.ok(await volumeNamed('web-uploads'));

    await run('delete', await node('Data Platform', 'pg-backups'), ['pg-backup']);
    assert.ok(await volumeNamed('pg-backups'), 'a mistyped name deletes nothing');
    await run('delete', await node('Data Platform', 'pg-backups'), ['pg-backups']);
    assert.equal(await volumeNamed('pg-backups'), undefined);
  });
});
