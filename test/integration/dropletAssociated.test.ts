/**
 * Destroy with Associated Resources and Restore from Backup or Snapshot, in the real extension
 * host against the fake (through Prism): what belongs to web-1 listed with its cost if kept; a
 * wrong name sends nothing; the chosen ones go with the droplet and the rest stay (detached or
 * unassigned), after a wait on the API's status; the views drop what went. Restore offers the
 * droplet's own backups (newest first) and snapshots and sends the chosen one's number.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { eventually, extensionApi, fake, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { REJECT } from './support/scriptedInput';

describe('Droplet: destroy with associated resources, restore', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const droplet = (name: string) => nodeAt(api, 'Acme Web', 'Droplets', name);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('lists what goes with web-1 with its cost if kept, and destroys the chosen ones with it after its name is typed', async () => {
    const node = await droplet('web-1');
    const before = await writes();
    const wrong = await runWithAnswers(api, 'digitalocean.droplet.destroyWithAssociated', node, [['Volume web-uploads'], REJECT('web-2'), undefined]);
    assert.deepEqual(wrong.offered[0], ['Volume web-uploads', 'Volume snapshot web-uploads-weekly', 'Snapshot web-1-before-upgrade', 'Reserved IP 192.0.2.50']);
    assert.equal(await writes(), before, 'a wrong name sends nothing');

    const input = await runWithAnswers(api, 'digitalocean.droplet.destroyWithAssociated', node, [
      ['Volume web-uploads', 'Snapshot web-1-before-upgrade'],
      'web-1',
    ]);
    assert.equal(input.remaining, 0, input.questions.join(' | '));
    assert.match(
      input.questions.join('\n'),
      /With it: Volume web-uploads, Snapshot web-1-before-upgrade\. Kept: Volume snapshot web-uploads-weekly, Reserved IP 192\.0\.2\.50 \(\$6\.89\/mo\)/,
    );
    const state = await fakeState();
    assert.ok(!state.droplets.some((d) => d.name === 'web-1'));
    assert.ok(!state.volumes.some((v) => v.name === 'web-uploads'), 'the chosen volume went');
    assert.ok(!state.snapshots.some((s) => s.name === 'web-1-before-upgrade'), 'the chosen snapshot went');
    assert.ok(
      state.snapshots.some((s) => s.name === 'web-uploads-weekly'),
      'the volume snapshot not chosen stays',
    );
    assert.equal(state.reservedIps.find((r) => r.ip === '192.0.2.50')?.droplet, null, 'the reserved IP stays, unassigned');
    const polls = (await fake.log()).handled.filter((h) => h.method === 'GET' && h.path.endsWith('/destroy_with_associated_resources/status'));
    assert.ok(polls.length >= 2, 'the command waited until the status said it was complete');
    assert.match(input.notices.join('\n'), /web-1 and 2 associated resource\(s\) are destroyed/);
    await logShowing(api, /Destroy web-1 with 2 associated resource\(s\): done/);
    await eventually(
      'web-1 gone from the view',
      async () =>
        (await droplet('web-1').then(
          () => false,
          () => true,
        )) || undefined,
    );
  });

  it('restores from a backup, newest first, or says there is nothing to restore from', async () => {
    const none = await runWithAnswers(api, 'digitalocean.droplet.restore', await droplet('web-2'), []);
    assert.match(none.notices.join('\n'), /web-2 has no backups or snapshots to restore from/);

    await fake.call('POST', '/__fake/patch', { collection: 'droplets', where: { name: 'web-1' }, set: { features: ['monitoring', 'backups'] } });
    const input = await runWithAnswers(api, 'digitalocean.droplet.restore', await droplet('web-1'), ['web-1 daily backup', REJECT('web'), 'web-1']);
    assert.deepEqual(input.offered[0], ['web-1 daily backup', 'web-1 weekly backup', 'web-1-before-upgrade']);
    const actions = (await fake.log()).seen.filter((r) => r.method === 'POST' && r.url.startsWith('/v2/droplets/311000001/actions'));
    assert.equal(actions.length, 1);
    await logShowing(api, /Restore web-1 from web-1 daily backup: completed/);
  });
});
