/**
 * Functions triggers and access keys in the real extension host against the fake (through Prism):
 * listed under their namespace; a trigger added by a wizard (a bad name, function, schedule and
 * body each refused at its box), its schedule edited read fresh (before → after), paused, resumed
 * and deleted; an access key made with an expiry — its secret in the clipboard only, in no notice
 * or log —, renamed and deleted.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, REJECT } from './support/scriptedInput';

describe('Functions: triggers and access keys', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const namespace = () => nodeAt(api, 'Account-wide', 'Functions', 'acme-hooks');
  const triggers = async () => Object.values((await fakeState()).functionsTriggers)[0];
  const keys = async () => Object.values((await fakeState()).functionsKeys)[0];

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('lists triggers and access keys under their namespace', async () => {
    assert.deepEqual((await api.explorer.getChildren(await namespace())).map(label), ['Triggers', 'Access keys']);
    const trigger = await nodeAt(api, 'Account-wide', 'Functions', 'acme-hooks', 'Triggers', 'nightly-report');
    assert.equal(trigger.toTreeItem().description, '0 2 * * * · → reports/daily');
    const key = await nodeAt(api, 'Account-wide', 'Functions', 'acme-hooks', 'Access keys', 'ci-deploy');
    assert.equal(key.toTreeItem().description, 'dof_v1-demo-ci · never expires');
  });

  it('adds a trigger with each bad value refused at its box, edits its schedule, pauses, resumes and deletes it', async () => {
    const add = await runWithAnswers(api, 'digitalocean.functions.addTrigger', await namespace(), [
      REJECT('nightly-report'),
      REJECT('bad name!'),
      'quarter-sync',
      REJECT('a b'),
      'sync/run',
      REJECT('61 * * * *'),
      REJECT('* * *'),
      REJECT('5-1 * * * *'),
      '*/15 * * * 1-5',
      REJECT('[1]'),
      '{"full": false}',
      'Add quarter-sync',
    ]);
    assert.equal(add.remaining, 0, add.asked.join(' | '));
    assert.equal(add.rejections.length, 7, add.rejections.join(' | '));
    const made = (await triggers()).find((t) => t.name === 'quarter-sync');
    assert.deepEqual([made?.function, made?.scheduled_details, made?.is_enabled], ['sync/run', { cron: '*/15 * * * 1-5', body: { full: false } }, true]);

    const node = () => nodeAt(api, 'Account-wide', 'Functions', 'acme-hooks', 'Triggers', 'quarter-sync');
    const edit = await runWithAnswers(api, 'digitalocean.functions.editTrigger', await node(), [
      REJECT('0 25 * * *'),
      '30 3 * * *',
      ACCEPT,
      'Save quarter-sync',
    ]);
    assert.equal(edit.offeredItems.at(-1)![0].description, '*/15 * * * 1-5 → 30 3 * * *');
    assert.deepEqual((await triggers()).find((t) => t.name === 'quarter-sync')?.scheduled_details, { cron: '30 3 * * *', body: { full: false } });

    await runWithAnswers(api, 'digitalocean.functions.pauseTrigger', await node(), []);
    assert.equal((await triggers()).find((t) => t.name === 'quarter-sync')?.is_enabled, false);
    assert.match(String((await node()).toTreeItem().contextValue), /^resource\.functions_trigger\.disabled\./);
    await runWithAnswers(api, 'digitalocean.functions.resumeTrigger', await node(), []);
    assert.equal((await triggers()).find((t) => t.name === 'quarter-sync')?.is_enabled, true);
    await logShowing(api, /Trigger quarter-sync: resumed/);

    await runWithAnswers(api, 'digitalocean.resource.delete', await node(), ['Delete']);
    assert.deepEqual(
      (await triggers()).map((t) => t.name),
      ['nightly-report'],
    );
  });

  it('creates an access key whose secret goes to the clipboard only, renames and deletes it', async () => {
    await vscode.env.clipboard.writeText('before');
    const input = await runWithAnswers(api, 'digitalocean.functions.createKey', await namespace(), [
      REJECT('ci-deploy'),
      'build-bot',
      '30 days',
      'Create build-bot',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    const clip = await vscode.env.clipboard.readText();
    const [id, secret] = clip.split(':');
    assert.match(id, /^dof_v1-/);
    assert.match(secret, /^DOFSECRET[0-9a-f]{32}$/);
    const made = (await keys()).find((k) => k.name === 'build-bot');
    assert.equal(made?.id, id);
    assert.ok(made?.expires_at, 'it expires');
    assert.ok(!JSON.stringify(await keys()).includes(secret), 'the fake keeps no secret');
    assert.match(input.notices.join('\n'), /Access key build-bot is made; id:secret is in the clipboard/);
    assert.ok(!input.notices.join('\n').includes(secret), 'the secret is in a notice');
    const log = await logShowing(api, /Access key build-bot \(dof_v1-\S+\) created for acme-hooks; its secret was copied to the clipboard/);
    assert.ok(!log.includes(secret), 'the secret is in the log');

    const key = () => nodeAt(api, 'Account-wide', 'Functions', 'acme-hooks', 'Access keys', 'build-bot');
    await runWithAnswers(api, 'digitalocean.functions.renameKey', await key(), [REJECT('ci-deploy'), 'build-robot']);
    assert.ok((await keys()).some((k) => k.name === 'build-robot'));
    const renamed = await nodeAt(api, 'Account-wide', 'Functions', 'acme-hooks', 'Access keys', 'build-robot');
    await runWithAnswers(api, 'digitalocean.resource.delete', renamed, ['Delete']);
    assert.deepEqual(
      (await keys()).map((k) => k.name),
      ['ci-deploy'],
    );
  });
});
