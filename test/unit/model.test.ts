/**
 * The model keeps copies only where they are newer than the lists (memory at 12,000 resources),
 * and still answers the newest copy: a fresh one after an action, the list's after a re-list.
 * Plain Node, against the fake API on loopback.
 */
import * as assert from 'node:assert/strict';
import type { AccountInfo, AccountStore } from '../../src/accounts/accountStore';
import type { ClientRegistry } from '../../src/accounts/clients';
import { droplet, type Droplet } from '../../src/api/resources/droplet';
import { keyOf, ResourceModel, type ResourceRef } from '../../src/model/resourceModel';
import { startFakeServer, type FakeServer } from '../fake-api/server';
import { fastClient } from './support/fixtures';

const TOKEN = 'dop_v1_' + 'd'.repeat(64);
const account = { id: 'acc-model', label: 'Model test' } as AccountInfo;
const settling = (item: unknown) => (item as Droplet).status === 'new' || (item as Droplet).locked;

describe('Resource model', () => {
  let server: FakeServer;
  let model: ResourceModel;

  before(async () => {
    server = await startFakeServer({ tokens: [TOKEN], actionDurationMs: 50 });
    const client = fastClient(server, TOKEN);
    const store = { onDidChange: () => ({ dispose() {} }), list: () => [account] } as unknown as AccountStore;
    model = new ResourceModel(store, { clientFor: () => client } as unknown as ClientRegistry);
  });
  after(async () => {
    model.dispose();
    await server.close();
  });

  const refOf = (d: Droplet): ResourceRef => ({ account, kind: droplet as ResourceRef['kind'], id: String(d.id), parents: [] });
  const act = async (d: Droplet, type: string) => {
    const client = model.client(account);
    const action = await client.act(droplet, String(d.id), type);
    await client.waitForAction(action.id, { interval: 20 });
  };

  it('keeps nothing for settled resources a view shows, and answers their list copies', async () => {
    const list = await model.cacheFor(account).list(droplet);
    assert.ok(list.length > 3);
    for (const d of list) model.show(refOf(d), d, settling);
    for (const d of list) assert.equal(model.item(keyOf(refOf(d))), undefined, `${d.name}: no copy of its own`);
    assert.equal(model.newest(refOf(list[1])), list[1], 'the list copy is the newest');
  });

  it('answers a fresh copy after an action, then the newer list copy once the kind is listed again', async () => {
    const [first] = (await model.cacheFor(account).list(droplet)).filter((d) => d.status === 'active');
    const ref = refOf(first);
    await act(first, 'power_off');
    const fresh = (await model.reloadResource(ref)) as Droplet;
    assert.equal(fresh.status, 'off');
    assert.equal((model.item(keyOf(ref)) as Droplet).status, 'off');
    assert.equal((model.newest(ref) as Droplet).status, 'off');

    await act(first, 'power_on');
    model.reloadKind(account, droplet.kind);
    const relisted = (await model.cacheFor(account).list(droplet)).find((d) => d.id === first.id)!;
    assert.equal(relisted.status, 'active');
    model.show(ref, relisted, settling);
    assert.equal((model.item(keyOf(ref)) as Droplet).status, 'active', 'the re-listed copy replaces the older fresh one');
    assert.equal((model.newest(ref) as Droplet).status, 'active');
  });

  it('does not let a list forgotten on its way come back as the cache', async () => {
    const cache = model.cacheFor(account);
    cache.invalidate();
    const old = cache.list(droplet); // on its way…
    cache.invalidate(droplet.kind); // …when the kind is forgotten (an account reloaded, say)
    const [one] = await old;
    // the fake changes after the old list left: only a new list may say so
    const item = server.fake.data.droplets.find((d) => d.id === one.id)!;
    item.name = 'renamed-after';
    assert.equal(cache.peek(droplet), undefined, 'the forgotten list did not settle into the cache');
    const fresh = await cache.list(droplet);
    assert.equal(fresh.find((d) => d.id === one.id)?.name, 'renamed-after');
  });
});
