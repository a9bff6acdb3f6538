import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { ResourceNode } from '../../src/tree/nodes/resourceNode';
import { eventually, extensionApi, fake } from './support/env';
import { fakeState } from './support/fakeState';

type LogEntry = { method: string; url: string };

function label(node: ExplorerNode): string {
  return String(node.toTreeItem().label);
}

function description(node: ExplorerNode): string {
  return String(node.toTreeItem().description ?? '');
}

describe('Explorer', function () {
  this.timeout(90_000);
  let api: TestingApi;

  async function children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return api.explorer.getChildren(node);
  }

  async function child(node: ExplorerNode | undefined, name: string | RegExp): Promise<ExplorerNode> {
    const all = await children(node);
    const found = all.find((n) => (typeof name === 'string' ? label(n) === name : name.test(label(n))));
    assert.ok(found, `no child ${String(name)} under ${node ? label(node) : 'the root'}; have: ${all.map(label).join(', ')}`);
    return found;
  }

  async function path(...names: (string | RegExp)[]): Promise<ExplorerNode> {
    let node: ExplorerNode | undefined;
    for (const name of names) node = await child(node, name);
    return node!;
  }

  /** Requests the fake API has seen since the last clear. */
  async function seen(): Promise<LogEntry[]> {
    return (await fake.log()).seen;
  }

  async function freshDemo(): Promise<void> {
    await fake.reset();
    await fake.call('POST', '/__fake/config', { actionDurationMs: 1500 });
    for (const account of api.store.list()) await api.store.remove(account.id);
    await api.explorer.setGrouping('project');
    api.explorer.setFilter(undefined);
    await vscode.commands.executeCommand('digitalocean.addDemoAccount');
    await vscode.commands.executeCommand('digitalocean.resources.focus');
    await fake.call('POST', '/__fake/log/clear');
  }

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(freshDemo);

  it('shows every kind of the demo team with labels, descriptions and monthly costs', async () => {
    const [account] = await children();
    assert.deepEqual((await children(account)).map(label), ['Acme Web', 'Data Platform', 'Staging', 'Account-wide']);

    // Counts and costs arrive in the descriptions once the project summaries are in.
    const web = await eventually('Acme Web summary', async () => {
      const node = await child(account, 'Acme Web');
      return description(node).includes('resources') ? node : undefined;
    });
    // 3 droplets (24 + 24 + 48), a 100 GB volume (10), prod-k8s (3×24 + 2×48), a load balancer (12)
    assert.equal(description(web), 'default · Production · 12 resources · $286/mo');
    assert.equal(description(await child(account, 'Data Platform')), 'Production · 10 resources · $141/mo');
    assert.equal(description(await child(account, 'Staging')), '3 resources · $48/mo');
    await eventually('the account cost', () => description(api.explorer.accountNodes()[0]) === 'demo · $475/mo');
    // VS Code resolves a tooltip on hover only when the item has none: the account's is left to it
    const accountItem = api.explorer.getTreeItem(api.explorer.accountNodes()[0]);
    assert.equal(accountItem.tooltip, undefined, 'left for resolveTreeItem');
    const resolved = await api.explorer.resolveTreeItem(accountItem, api.explorer.accountNodes()[0]);
    assert.match((resolved.tooltip as vscode.MarkdownString).value, /Month-to-date usage: \$412\\\.37/);

    assert.deepEqual(
      (await children(web)).map((n) => `${label(n)} ${description(n)}`),
      ['Droplets 3', 'Kubernetes clusters 1', 'Apps 1', 'Databases 3', 'Volumes 1', 'Load balancers 1', 'Reserved IPs 1', 'Domains 1'],
    );
    const web1 = await path(/^Acme Demo/, 'Acme Web', 'Droplets', 'web-1');
    assert.equal(description(web1), '203.0.113.3 · nyc3 · s-2vcpu-4gb · $24/mo');
    const item = web1.toTreeItem();
    assert.equal(item.contextValue, 'resource.droplet.running.ip.console.nobackups.noipv6');
    assert.equal(item.accessibilityInformation?.label, 'Droplet, web-1, running, 203.0.113.3 · nyc3 · s-2vcpu-4gb · $24/mo');
    assert.match((item.tooltip as vscode.MarkdownString).value, /2 vCPU, 4 GB RAM, 80 GB disk/);
    assert.equal(description(await path(/^Acme Demo/, 'Data Platform', 'Droplets', 'etl-runner')), 'off · 203.0.113.6 · ams3 · c-2 · $42/mo');

    const cluster = await path(/^Acme Demo/, 'Acme Web', 'Kubernetes clusters', 'prod-k8s');
    assert.equal(description(cluster), '1.33.1-do.0 · 5 nodes · nyc3 · $168/mo');
    assert.deepEqual((await children(cluster)).map(label), ['pool-web', 'pool-jobs']);
    assert.equal((await children(await child(cluster, 'pool-web'))).length, 3);
    assert.equal(description(await child(cluster, 'pool-jobs')), '2 nodes (autoscale 1–5) · s-4vcpu-8gb · $96/mo');

    const pg = await path(/^Acme Demo/, 'Acme Web', 'Databases', 'main-pg');
    assert.equal(description(pg), 'PostgreSQL 17 · db-s-2vcpu-4gb · 2 nodes · nyc3');
    assert.deepEqual((await children(pg)).map(label), ['Databases', 'Users', 'Connection pools', 'Read replicas', 'Log sinks', 'Trusted sources']);
    assert.deepEqual((await children(await child(pg, 'Trusted sources'))).map(description), ['Kubernetes cluster', 'IP address · office']);
    assert.deepEqual((await children(await child(pg, 'Users'))).map(label), ['doadmin', 'app']);
    assert.deepEqual((await children(await child(pg, 'Connection pools'))).map(label), ['app-pool']);
    const valkey = await path(/^Acme Demo/, 'Acme Web', 'Databases', 'cache-valkey');
    assert.deepEqual((await children(valkey)).map(label), ['Log sinks', 'Trusted sources']);
    assert.deepEqual((await children(await child(valkey, 'Trusted sources'))).map(label), ['No trusted sources: open to any address (with the password)']);

    assert.equal(description(await path(/^Acme Demo/, 'Acme Web', 'Volumes', 'web-uploads')), '100 GB · → web-1 · nyc3 · $10/mo');
    assert.equal(description(await path(/^Acme Demo/, 'Acme Web', 'Reserved IPs', '192.0.2.50')), '→ web-1 · nyc3');
    assert.equal(description(await path(/^Acme Demo/, 'Acme Web', 'Apps', 'marketing-site')).split(' · ')[0], 'active');
    assert.equal(description(await path(/^Acme Demo/, 'Account-wide', 'VPC peerings', 'nyc3-ams3-link')), 'default-nyc3 ↔ default-ams3');
    assert.equal(description(await path(/^Acme Demo/, 'Account-wide', 'NAT gateways', 'ams3-egress')), 'default-ams3 · ams3 · 203.0.113.200');
    const records = await children(await path(/^Acme Demo/, 'Acme Web', 'Domains', 'acme.example'));
    assert.ok(records.map(label).includes('MX @'));

    const accountWide = await path(/^Acme Demo/, 'Account-wide');
    assert.deepEqual((await children(accountWide)).map(label), [
      'Container registry',
      'Functions',
      'Autoscale pools',
      'NFS shares',
      'Snapshots',
      'Custom images',
      'Reserved IPv6',
      'Firewalls',
      'VPCs',
      'VPC peerings',
      'NAT gateways',
      'BYOIP prefixes',
      'Partner attachments',
      'Certificates',
      'CDN endpoints',
      'Uptime checks',
      'Alert policies',
      'SSH keys',
      'Spaces keys',
      'Tags',
      'Spaces',
    ]);
    // no project lists these kinds: opening the folder asks for their lists, and each group shows
    // how many it holds, as a project's groups do
    for (const group of (await children(accountWide)).filter((g) => label(g) !== 'Spaces')) {
      const count = await eventually(`a count on ${label(group)}`, () => (/^\d+$/.test(description(group)) ? description(group) : undefined));
      const items = (await children(group)).filter((n) => 'item' in n);
      assert.equal(Number(count), items.length, `${label(group)} says ${count}, holds ${items.length}`);
      assert.equal(group.toTreeItem().accessibilityInformation?.label, `${label(group)}, ${count}`);
    }
    const registry = await path(/^Acme Demo/, 'Account-wide', 'Container registry', 'acme-registry');
    assert.equal(description(registry), 'registry.digitalocean.com/acme-registry · 2.1 GB of 5.4 GB');
    const webRepo = await child(registry, 'web');
    assert.deepEqual((await children(webRepo)).map(label), ['latest', 'v1.4.2', 'v1.4.1']);
    assert.match(description(await path(/^Acme Demo/, 'Account-wide', 'Certificates', 'legacy-custom')), /^custom · expires in \d+ days$/);

    // Every presented kind appears somewhere in the tree.
    const kinds = new Set<string>();
    const walk = async (node: ExplorerNode, depth: number): Promise<void> => {
      // A resource node, not a kind group (which has a presenter but no item). Not instanceof:
      // this bundle has its own copy of the class.
      if ('item' in node) kinds.add((node as ResourceNode).presenter.kind.kind);
      if (depth > 6) return;
      for (const c of await children(node)) await walk(c, depth + 1);
    };
    await walk(account, 0);
    for (const kind of [
      'droplet',
      'volume',
      'snapshot',
      'image',
      'kubernetes_cluster',
      'node_pool',
      'kubernetes_node',
      'database_cluster',
      'database_db',
      'database_user',
      'connection_pool',
      'registry',
      'registry_repository',
      'registry_tag',
      'load_balancer',
      'reserved_ip',
      'reserved_ipv6',
      'firewall',
      'vpc',
      'domain',
      'domain_record',
      'certificate',
      'cdn_endpoint',
      'app',
      'functions_namespace',
      'ssh_key',
      'spaces_key',
      'tag',
      'uptime_check',
    ]) {
      assert.ok(kinds.has(kind), `kind ${kind} is not in the tree`);
    }
  });

  it('shows the counts and costs kept from the last load at once after a restart, marked, then fresh ones: a droplet deleted since is not counted', async () => {
    const [account] = await children();
    await children(account);
    await eventually('the account cost', () => description(api.explorer.accountNodes()[0]) === 'demo · $475/mo');
    const kept = await eventually('the summary kept in the extension state', () => api.explorer.summaries.get(account.id.replace(/^account:/, '')));
    assert.deepEqual(Object.keys(kept).sort(), ['cost', 'projects', 'savedAt'], 'ids, counts and costs only');
    assert.ok(
      kept.projects.every((p) => Object.keys(p).every((k) => ['id', 'count', 'cost'].includes(k))),
      JSON.stringify(kept.projects),
    );

    // while the window is closed, worker-1 ($48/mo, in Acme Web) is destroyed elsewhere
    const gone = await fetch(`${fake.url()}/v2/droplets/311000003`, { method: 'DELETE', headers: { Authorization: 'Bearer t' } });
    assert.equal(gone.status, 204);
    // a warm start: new nodes for the account, nothing cached, the kept summary in the extension's state
    api.model.forget();
    const info = api.store.list()[0];
    await api.store.rename(info.id, info.label);
    await fake.call('POST', '/__fake/log/clear');
    const [warm] = await children();
    assert.notEqual(warm, account, 'a new node for the account');
    assert.match(description(warm), /^demo · \$475\/mo · as of /, 'the kept cost, with its age, before anything is asked');
    assert.equal((await seen()).length, 0, 'showing it asked nothing');

    const projects = await children(warm);
    const web = projects.find((n) => label(n) === 'Acme Web')!;
    assert.equal(description(web), 'default · Production · 12 resources · $286/mo · updating', 'the kept figures, marked, as soon as the projects are listed');
    assert.match(web.toTreeItem().accessibilityInformation?.label ?? '', /12 resources, \$286\/mo, updating$/);

    // the fresh lists replace them: worker-1 is no longer counted, and nothing says "updating"
    await eventually('the fresh account cost', () => description(api.explorer.accountNodes()[0]) === 'demo · $427/mo');
    assert.equal(description(await child(api.explorer.accountNodes()[0], 'Acme Web')), 'default · Production · 11 resources · $238/mo');
    await eventually('the new summary kept', () => api.explorer.summaries.get(info.id)?.cost === 427);
  });

  it("shows a project's name and description in its tooltip as text, not as Markdown", async () => {
    await fake.call('POST', '/__fake/patch', {
      collection: 'projects',
      where: { name: 'Staging' },
      set: { name: 'Staging [login](https://evil.example/x) ![](https://evil.example/p.png)', description: '# **urgent** <img src=x>' },
    });
    const [account] = await children();
    const staging = await child(account, /^Staging/);
    const tooltip = (staging.toTreeItem().tooltip as vscode.MarkdownString).value;
    assert.ok(!/\]\(https:/.test(tooltip), `no link or image is made: ${tooltip}`);
    assert.ok(!/^# /m.test(tooltip) && !/(^|[^\\])<img/.test(tooltip), `no heading or tag: ${tooltip}`);
    assert.match(tooltip, /Staging \\\[login\\\]\\\(https:\/\/evil\\\.example\/x\\\)/);
  });

  it('forgets the kept counts of a removed account', async () => {
    const [account] = await children();
    await children(account);
    const id = api.store.list()[0].id;
    await eventually('the summary kept', () => api.explorer.summaries.get(id));
    await api.store.remove(id);
    assert.equal(api.explorer.summaries.get(id), undefined);
  });

  it('costs few requests: none to show the accounts, a bounded number per level, none per resource', async () => {
    await children();
    assert.equal((await seen()).length, 0, 'showing the accounts asks nothing');
    const [account] = await children();
    await children(account);
    await eventually('the project summaries', () => description(api.explorer.accountNodes()[0]).includes('$'));
    const afterAccount = await seen();
    // projects, 3 × project resources, apps, droplets, volumes, clusters, load balancers, reserved IPs, sizes
    assert.ok(afterAccount.length <= 12, `expanding the account took ${afterAccount.length} requests: ${afterAccount.map((r) => r.url).join(', ')}`);

    const web = await child(account, 'Acme Web');
    for (const group of await children(web)) await children(group);
    const afterProject = (await seen()).slice(afterAccount.length);
    assert.ok(afterProject.length <= 3, `expanding Acme Web and its groups took ${afterProject.length} more: ${afterProject.map((r) => r.url).join(', ')}`);
    const perResource = (await seen()).filter((r) => /^\/v2\/(droplets|volumes|databases|load_balancers)\/[^/?]+(\?|$)/.test(r.url));
    assert.deepEqual(perResource, [], 'no request asks for a single resource');
    assert.ok((await seen()).every((r) => r.method === 'GET'));
  });

  it('updates a resource in transition by itself, then stops polling it', async () => {
    const created = await fake.call<{ droplet: { id: number } }>('POST', '/__fake/create-droplet', { name: 'rising-1', region: 'nyc3', size: 's-1vcpu-1gb' });
    const droplets = await path(/^Acme Demo/, 'Acme Web', 'Droplets');
    const node = (await children(droplets)).find((n) => label(n) === 'rising-1')!;
    assert.ok(node, 'the new droplet is listed');
    assert.match(description(node), /^starting · /);
    assert.equal(node.toTreeItem().contextValue, 'resource.droplet.starting.ip.console.nobackups.noipv6');

    await eventually(
      'the droplet to become active without a refresh',
      async () => {
        const fresh = (await children(droplets)).find((n) => label(n) === 'rising-1');
        return fresh && !description(fresh).startsWith('starting');
      },
      15_000,
    );
    await eventually('polling to stop', () => api.model.poller.watching.length === 0);
    const polls = (id: number) => seen().then((all) => all.filter((r) => r.url.startsWith(`/v2/droplets/${id}`)).length);
    const before = await polls(created.droplet.id);
    assert.ok(before >= 1, 'the droplet was polled');
    // the positive signal that polling goes on: another droplet starting is polled until it is
    // active; all that while, the settled one is not
    const other = await fake.call<{ droplet: { id: number } }>('POST', '/__fake/create-droplet', { name: 'rising-2', region: 'nyc3', size: 's-1vcpu-1gb' });
    api.model.forget();
    assert.ok((await children(await path(/^Acme Demo/, 'Acme Web', 'Droplets'))).some((n) => label(n) === 'rising-2'));
    await eventually(
      'the other droplet to be polled until it settles',
      async () => (await polls(other.droplet.id)) >= 1 && api.model.poller.watching.length === 0,
      15_000,
    );
    assert.equal(await polls(created.droplet.id), before, 'no poll of the settled droplet');
  });

  it('makes no request while the view is hidden, and resumes when it is shown', async () => {
    await fake.call('POST', '/__fake/config', { actionDurationMs: 5000 });
    await fake.call('POST', '/__fake/create-droplet', { name: 'hidden-1', region: 'nyc3', size: 's-1vcpu-1gb' });
    const droplets = await path(/^Acme Demo/, 'Acme Web', 'Droplets');
    // Let the project summaries started by expanding the account finish first.
    await eventually('the project summaries', () => description(api.explorer.accountNodes()[0]).includes('$'));
    assert.ok((await children(droplets)).some((n) => label(n) === 'hidden-1' && description(n).startsWith('starting')));
    assert.equal(api.model.poller.watching.length, 1);

    await vscode.commands.executeCommand('workbench.view.explorer');
    await fake.call('POST', '/__fake/log/clear');
    // the positive signal: the droplet finished starting on the fake's side (5 s), a change a
    // visible view would have polled for several times; only then is the absence telling
    await eventually(
      'the fake to finish starting hidden-1',
      async () => (await fakeState()).droplets.find((d) => d.name === 'hidden-1')?.status === 'active',
      15_000,
    );
    assert.equal(api.model.poller.watching.length, 1, 'still watched, only not polled');
    assert.deepEqual(await seen(), [], 'requests while hidden');

    await vscode.commands.executeCommand('digitalocean.resources.focus');
    await eventually(
      'polling to resume and settle',
      async () => {
        const fresh = (await children(droplets)).find((n) => label(n) === 'hidden-1');
        return fresh && !description(fresh).startsWith('starting');
      },
      15_000,
    );
  });

  it('shows an error node with the API message when one kind fails; Retry recovers; other kinds still show', async () => {
    await fake.call('POST', '/__fake/faults', { faults: [{ kind: 'status', status: 500, method: 'GET', path: '/v2/volumes', times: 5 }] });
    const web = await path(/^Acme Demo/, 'Acme Web');
    const volumes = await child(web, 'Volumes');
    const [error] = await children(volumes);
    assert.match(label(error), /^Could not list volumes: Injected failure from the fake API\. \(HTTP 500 server_error, request id fault-\d+\)$/);
    const item = error.toTreeItem();
    assert.equal(item.contextValue, 'message.error');
    assert.equal(item.command?.command, 'digitalocean.refresh');
    assert.deepEqual((await children(await child(web, 'Droplets'))).map(label), ['web-1', 'web-2', 'worker-1']);

    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.deepEqual((await children(volumes)).map(label), ['web-uploads']);
  });

  it('says a project names a droplet the droplet list lacks, instead of "Droplets 1" then "No droplets"', async () => {
    const data = await fakeState();
    const staging = data.projects.find((p) => p.name === 'Staging')!;
    const response = await fetch(`${fake.url()}/v2/projects/${staging.id}/resources`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
      body: JSON.stringify({ resources: ['do:droplet:999999001'] }),
    });
    assert.equal(response.status, 200);
    await vscode.commands.executeCommand('digitalocean.refresh');
    const droplets = await path(/^Acme Demo/, 'Staging', 'Droplets');
    const shown = await children(droplets);
    const unseen = shown.find((n) => /not visible to this token/.test(label(n)));
    assert.ok(unseen, `shown: ${shown.map(label).join(', ')}`);
    assert.equal(label(unseen), '1 droplet not visible to this token');
    assert.equal(description(unseen), 'do:droplet:999999001');
    assert.ok(!shown.some((n) => label(n) === 'No droplets'), 'no contradiction');
    assert.equal(description(droplets), String(shown.length), 'the count is what the project names: the visible ones and the one not visible');
  });

  it('groups by kind and by region, and filters by name, tag or region', async () => {
    await vscode.commands.executeCommand('digitalocean.groupBy.kind');
    const [account] = await children();
    const kinds = await children(account);
    assert.equal(label(kinds[0]), 'Droplets');
    assert.equal((await children(kinds[0])).length, 7);

    await vscode.commands.executeCommand('digitalocean.groupBy.region');
    const regions = (await children((await children())[0])).map(label);
    assert.deepEqual(regions, ['ams', 'ams3', 'nyc', 'nyc1', 'nyc3', 'sfo3', 'Global']);
    const nyc3 = await path(/^Acme Demo/, 'nyc3');
    assert.ok((await children(nyc3)).map(label).includes('Kubernetes clusters'));

    await vscode.commands.executeCommand('digitalocean.groupBy.project');
    api.explorer.setFilter('web');
    assert.deepEqual((await children(await path(/^Acme Demo/, 'Acme Web', 'Droplets'))).map(label), ['web-1', 'web-2']);
    api.explorer.setFilter('ams3');
    assert.deepEqual((await children(await path(/^Acme Demo/, 'Data Platform', 'Droplets'))).map(label), ['etl-runner', 'bastion']);
    api.explorer.setFilter('no-such-thing');
    assert.deepEqual((await children(await path(/^Acme Demo/, 'Acme Web', 'Droplets'))).map(label), ['Nothing matches the filter']);
    await vscode.commands.executeCommand('digitalocean.clearFilter');
    assert.equal(api.explorer.filter, undefined);
  });

  it('copies a resource id, name and IP', async () => {
    const web1 = await path(/^Acme Demo/, 'Acme Web', 'Droplets', 'web-1');
    await vscode.commands.executeCommand('digitalocean.copyId', web1);
    assert.equal(await vscode.env.clipboard.readText(), '311000001');
    await vscode.commands.executeCommand('digitalocean.copyName', web1);
    assert.equal(await vscode.env.clipboard.readText(), 'web-1');
    await vscode.commands.executeCommand('digitalocean.copyIp', web1);
    assert.equal(await vscode.env.clipboard.readText(), '203.0.113.3');
    assert.equal((web1 as ResourceNode).consoleUrl(), 'https://cloud.digitalocean.com/droplets/311000001');
  });

  it('leaves no node, cache or poll behind when an account is removed', async () => {
    // the new droplet must still be in transition when listed (a slow host once let 600 ms pass first)
    await fake.call('POST', '/__fake/config', { actionDurationMs: 60_000 });
    await fake.call('POST', '/__fake/create-droplet', { name: 'orphan-1', region: 'nyc3', size: 's-1vcpu-1gb' });
    await children(await path(/^Acme Demo/, 'Acme Web', 'Droplets'));
    assert.equal(api.model.poller.watching.length, 1);
    const [account] = api.store.list();
    await api.store.remove(account.id);
    assert.deepEqual(await children(), []);
    assert.deepEqual(api.model.poller.watching, []);
  });
});
