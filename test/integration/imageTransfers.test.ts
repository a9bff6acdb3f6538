/**
 * Moving droplet snapshots between accounts in the real extension host against the fake (through
 * Prism): a snapshot sent by email (a bad address and a volume snapshot refused before any
 * request), its pending transfer remembered and cancelled after a confirmation; a transfer sent to
 * this account accepted (the snapshot appears) and another declined, by the ids of its email; a
 * transfer no longer pending reported with the API's answer.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { assertDeclinedQuietly, extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { REJECT } from './support/scriptedInput';

describe('Image transfers between accounts', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const snapshot = (name: string) => nodeAt(api, 'Account-wide', 'Snapshots', name);
  const account = () => api.store.list()[0];

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('sends a droplet snapshot by email, remembers the pending transfer and cancels it after a confirmation', async () => {
    const node = await snapshot('bastion-2026-09');
    assert.match(String(node.toTreeItem().contextValue), /\.droplet-snapshot(\.|$)/);
    const before = await writes();
    const volume = await runWithAnswers(api, 'digitalocean.image.transferToAccount', await snapshot('web-uploads-weekly'), []);
    assert.match(volume.notices.join('\n'), /error: .*Only droplet snapshots move between accounts/);
    assertDeclinedQuietly(
      await runWithAnswers(api, 'digitalocean.image.transferToAccount', node, [
        'To a person, by email…',
        REJECT('ops at example'),
        'ops@partner.example',
        'Cancel',
      ]),
      /^Transfer bastion-2026-09 to ops@partner\.example\?$/,
    );
    assert.equal(await writes(), before, 'nothing was sent');

    const sent = await runWithAnswers(api, 'digitalocean.image.transferToAccount', node, ['To a person, by email…', 'ops@partner.example', 'Transfer']);
    assert.equal(sent.remaining, 0, sent.asked.join(' | '));
    assert.match(sent.notices.join('\n'), /bastion-2026-09 waits for ops@partner\.example to accept it \(transfer \d+\)/);
    const again = await runWithAnswers(api, 'digitalocean.image.transferToAccount', node, []);
    assert.match(again.notices.join('\n'), /error: .*bastion-2026-09 is on its way to ops@partner\.example already/);

    // the transfer remembered: no id asked
    const cancel = await runWithAnswers(api, 'digitalocean.image.cancelTransfer', node, ['Cancel Transfer']);
    assert.equal(cancel.remaining, 0, cancel.asked.join(' | '));
    assert.deepEqual(cancel.asked, ['Cancel the transfer of bastion-2026-09 to ops@partner.example?']);
    assert.match(cancel.notices.join('\n'), /The transfer of bastion-2026-09 is cancelled/);
    await logShowing(api, /Snapshot bastion-2026-09: transfer \d+ cancelled/);
    // not remembered any more: a second cancel asks for the id, and the API says it is not pending
    const stale = await runWithAnswers(api, 'digitalocean.image.cancelTransfer', node, ['4100000', 'Cancel Transfer']);
    assert.match(stale.notices.join('\n'), /error: .*HTTP 404/);
  });

  it('accepts a transfer sent to this account (the snapshot appears) and declines another, by the ids from their emails', async () => {
    const accept = await runWithAnswers(api, 'digitalocean.image.acceptTransfer', account(), [REJECT('abc'), '178000099', REJECT('-1'), '3164444', 'Accept']);
    assert.equal(accept.remaining, 0, accept.asked.join(' | '));
    assert.equal(accept.rejections.length, 2);
    assert.ok(
      (await fakeState()).snapshots.some((s) => s.name === 'partner-base-2026-11'),
      'the snapshot is in the account',
    );
    assert.match(accept.notices.join('\n'), /Image 178000099 is a snapshot of Acme Demo Team \(demo\) now/);

    const decline = await runWithAnswers(api, 'digitalocean.image.declineTransfer', account(), ['178000098', '3164445', 'Decline']);
    assert.equal(decline.remaining, 0, decline.asked.join(' | '));
    assert.ok(!(await fakeState()).snapshots.some((s) => s.name === 'partner-legacy-2025'));
    const twice = await runWithAnswers(api, 'digitalocean.image.declineTransfer', account(), ['178000098', '3164445', 'Decline']);
    assert.match(twice.notices.join('\n'), /error: .*HTTP 404/);
  });
});
