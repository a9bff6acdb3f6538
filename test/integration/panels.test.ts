import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ResourcePanel } from '../../src/panels/detailPanels';
import type { CellView, FieldView, PanelView, SectionView } from '../../src/panels/protocol';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { ScriptedUserInput } from './support/scriptedInput';
import { eventually, extensionApi, fake, freshDemo, logShowing, onWeb } from './support/env';
import { fakeState } from './support/fakeState';

describe('Detail panels', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const data = () => fakeState();

  async function path(...names: string[]): Promise<ExplorerNode> {
    let node: ExplorerNode | undefined;
    for (const name of ['Acme Demo', ...names]) {
      const children: ExplorerNode[] = await api.explorer.getChildren(node);
      node = children.find((n) => label(n) === name || label(n).startsWith(name));
      assert.ok(node, `no ${name} among ${children.map(label).join(', ')}`);
    }
    return node!;
  }

  async function open(node: ExplorerNode): Promise<ResourcePanel> {
    const key = (await vscode.commands.executeCommand<string>('digitalocean.showDetails', node))!;
    const panel = api.panels.get(key);
    assert.ok(panel, `no panel for ${key}`);
    await eventually('the panel to render', () => panel.lastView);
    return panel;
  }

  const section = (view: PanelView, id: string): SectionView => {
    const found = view.sections.find((s) => s.id === id);
    assert.ok(found, `no section ${id} in ${view.sections.map((s) => s.id).join(', ')}`);
    return found;
  };
  const field = (view: PanelView, sectionId: string, fieldLabel: string): FieldView => {
    const s = section(view, sectionId);
    assert.equal(s.type, 'fields');
    const f = (s as Extract<SectionView, { type: 'fields' }>).fields.find((x) => x.label === fieldLabel);
    assert.ok(f, `no field ${fieldLabel}`);
    return f;
  };
  const texts = (s: SectionView) => (s.type === 'table' ? s.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : (c as CellView).text))) : []);

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api, 1500));

  afterEach(async () => {
    api.setUserInput(undefined);
    api.panels.closeAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a droplet as the fake has it, with graphs that have points for every range', async () => {
    const web1 = (await data()).droplets.find((d) => d.name === 'web-1')!;
    const panel = await open(await path('Acme Web', 'Droplets', 'web-1'));
    const view = panel.lastView!;
    assert.equal(view.title, 'web-1');
    assert.equal(view.kindLabel, 'Droplet');
    assert.equal(view.status?.text, 'running');
    assert.match(field(view, 'overview', 'Size').value, new RegExp(`^${web1.size_slug} `));
    assert.equal(field(view, 'network', 'Public IPv4').value, web1.networks.v4.find((n) => n.type === 'public')!.ip_address);
    assert.ok(field(view, 'network', 'Public IPv4').copy, 'the IP can be copied');
    assert.deepEqual(
      texts(section(view, 'snapshots')).map((r) => r[0]),
      ['web-1-before-upgrade'],
    );
    const charts = section(view, 'monitoring') as Extract<SectionView, { type: 'charts' }>;
    assert.deepEqual(
      charts.charts.map((c) => c.id),
      ['cpu', 'memory', 'bandwidth', 'disk', 'load'],
    );
    for (const c of charts.charts) assert.ok(c.x.length > 50 && c.series.every((s) => s.values.filter((v) => v !== null).length > 50), `${c.id} has points`);
    // the web build has no ssh: a panel offers only buttons whose command the build has
    const expected = [...(onWeb ? [] : ['SSH Terminal', 'Connect in New Window']), 'Shut Down', 'Power Off', 'Reboot', 'Snapshot…', 'Resize…'];
    assert.deepEqual(view.buttons.map((b) => b.label).slice(0, expected.length), expected);
    assert.ok(!view.raw.includes('"password"'));

    await panel.receive({ type: 'range', range: '7d' });
    const week = await eventually('the 7-day graphs', () => {
      const s = section(panel.lastView!, 'monitoring') as Extract<SectionView, { type: 'charts' }>;
      return s.range === '7d' ? s : undefined;
    });
    const span = week.charts[0].x.at(-1)! - week.charts[0].x[0];
    assert.ok(span > 6 * 86_400, `7 days of CPU, got ${span} s`);
  });

  it("shows a load balancer's connections, requests, responses per class, response time, throughput and CPU", async () => {
    const [lbNode] = await api.explorer.getChildren(await path('Acme Web', 'Load balancers'));
    const panel = await open(lbNode);
    const charts = await eventually('the load balancer graphs', () => {
      const s = section(panel.lastView!, 'monitoring') as Extract<SectionView, { type: 'charts' }>;
      return s.charts.length ? s : undefined;
    });
    assert.deepEqual(
      charts.charts.map((c) => c.id),
      ['connections', 'requests', 'responses', 'response-time', 'throughput', 'cpu'],
    );
    for (const c of charts.charts) assert.ok(c.x.length > 50 && c.series.every((s) => s.values.filter((v) => v !== null).length > 50), `${c.id} has points`);
    const byId = (id: string) => charts.charts.find((c) => c.id === id)!;
    assert.deepEqual(
      byId('responses').series.map((s) => s.label),
      ['2xx', '3xx', '4xx', '5xx'],
    );
    assert.deepEqual(
      byId('connections').series.map((s) => s.label),
      ['Open', 'Limit'],
    );
    const avg = byId('response-time').series[0].values.filter((v): v is number => v !== null);
    assert.ok(
      avg.every((v) => v > 40 && v < 100),
      `response times in ms: ${avg.slice(0, 3).join(', ')}`,
    );
    assert.ok(section(panel.lastView!, 'properties'), 'the properties stay');
    const asked = (await fake.log()).handled.filter((h) => h.path.startsWith('/v2/monitoring/metrics/load_balancer/'));
    // 8 for the load balancer's own graphs, 10 more for what the droplets behind it see
    assert.equal(new Set(asked.map((h) => h.path)).size, 18);
    assert.ok(asked.every((h) => h.status === 200));
  });

  it('runs a panel button as the tree would, and the panel shows the transition and then the new state', async () => {
    const panel = await open(await path('Acme Web', 'Droplets', 'web-2'));
    api.setUserInput(new ScriptedUserInput(['Power Off']));
    const pressing = panel.receive({ type: 'button', id: 'power-off' });
    await eventually('the panel to show the transition', () => panel.lastView?.status?.text === 'Powering off…');
    assert.ok(
      panel.lastView!.buttons.filter((b) => b.id !== 'console').every((b) => b.disabled),
      'buttons are disabled while it runs',
    );
    await pressing;
    assert.equal((await data()).droplets.find((d) => d.name === 'web-2')!.status, 'off');
    await eventually('the panel to show "off" in place', () => panel.lastView?.status?.text === 'off');
    assert.deepEqual(panel.lastView!.buttons.map((b) => b.label)[0], 'Power On');
  });

  it('keeps database passwords hidden until revealed, and follows links to related resources', async () => {
    const db = (await data()).databases.find((d) => d.name === 'main-pg')!;
    const panel = await open(await path('Acme Web', 'Databases', 'main-pg'));
    let view = panel.lastView!;
    const password = field(view, 'public', 'Password');
    assert.notEqual(password.value, db.connection!.password);
    assert.ok(!JSON.stringify(view).includes(db.connection!.password), 'the password is nowhere in the view before it is revealed');
    assert.equal(field(view, 'public', 'Host').value, db.connection!.host);
    assert.deepEqual(
      texts(section(view, 'users')).map((r) => r[0]),
      ['doadmin', 'app'],
    );
    assert.deepEqual(
      texts(section(view, 'pools')).map((r) => r[0]),
      ['app-pool'],
    );
    assert.deepEqual(
      texts(section(view, 'trusted')).map((r) => r[1]),
      ['prod-k8s', '198.51.100.0/24'],
    );
    assert.equal(texts(section(view, 'nodes')).length, 2);

    await panel.receive({ type: 'reveal', id: password.reveal! });
    view = await eventually('the password to be shown', () =>
      field(panel.lastView!, 'public', 'Password').value === db.connection!.password ? panel.lastView : undefined,
    );
    assert.equal(field(view, 'private', 'Password').reveal !== undefined, true, 'only the one asked for is revealed');

    const k8sLink = (section(view, 'trusted') as Extract<SectionView, { type: 'table' }>).rows[0][1] as CellView;
    await panel.receive({ type: 'link', id: k8sLink.link! });
    const other = await eventually('the cluster panel to open', () => api.panels.openKeys.find((k) => k.includes('/kubernetes_cluster/')));
    const k8s = api.panels.get(other)!;
    await eventually('the cluster panel to render', () => k8s.lastView);
    assert.equal(k8s.lastView!.title, 'prod-k8s');
    assert.match(field(k8s.lastView!, 'overview', 'Available upgrade').value, /1\.33\.2-do\.0/);
    assert.deepEqual(
      texts(section(k8s.lastView!, 'pools')).map((r) => r[0]),
      ['pool-web', 'pool-jobs'],
    );
  });

  it('shows the registry, an app and a load balancer (the generic properties panel)', async () => {
    const registry = await open(await path('Account-wide', 'Container registry', 'acme-registry'));
    assert.match(field(registry.lastView!, 'overview', 'Storage used').value, /^2\.1 GB of 5\.4 GB \(40%\)$/);
    assert.deepEqual(
      texts(section(registry.lastView!, 'repositories')).map((r) => r[0]),
      ['web', 'api', 'worker'],
    );
    assert.equal(texts(section(registry.lastView!, 'gc'))[0][1], 'succeeded');
    assert.ok(texts(section(registry.lastView!, 'image-tags')).length >= 3);
    // Docker Login edits ~/.docker (Node only); Copy Docker Password is in both builds
    assert.deepEqual(registry.lastView!.buttons.map((b) => b.label).slice(0, onWeb ? 1 : 2), [...(onWeb ? [] : ['Docker Login']), 'Copy Docker Password…']);
    const cluster = await open(await path('Acme Web', 'Kubernetes clusters', 'prod-k8s'));
    assert.deepEqual(cluster.lastView!.buttons.map((b) => b.label).slice(0, onWeb ? 1 : 3), [
      ...(onWeb ? [] : ['Add to kubeconfig', 'kubectl Terminal']),
      'Download kubeconfig…',
    ]);

    const app = await open(await path('Acme Web', 'Apps', 'marketing-site'));
    assert.match(field(app.lastView!, 'overview', 'Live URL').value, /^https:\/\/marketing-site/);
    assert.deepEqual(
      texts(section(app.lastView!, 'deployments')).map((r) => r[1]),
      ['ACTIVE', 'SUPERSEDED', 'ERROR', 'SUPERSEDED'],
    );
    assert.deepEqual(texts(section(app.lastView!, 'components'))[0].slice(0, 2), ['web', 'Service']);

    const [lbNode] = await api.explorer.getChildren(await path('Acme Web', 'Load balancers'));
    const view = (await open(lbNode)).lastView!;
    assert.equal(view.kindLabel, 'Load balancer');
    assert.ok(section(view, 'properties'));
    const droplets = section(view, 'droplet_ids') as Extract<SectionView, { type: 'table' }>;
    assert.ok(droplets.rows.length > 0 && (droplets.rows[0][0] as CellView).link, 'droplets are links');
    assert.ok(JSON.parse(view.raw).id, 'the raw JSON is the resource');
  });

  it('refreshes the registry from GET /v2/registry (the API has no /v2/registry/{name})', async () => {
    const panel = await open(await path('Account-wide', 'Container registry', 'acme-registry'));
    await fake.call('POST', '/__fake/log/clear');
    await panel.receive({ type: 'refresh' });
    await eventually('the refreshed registry panel', () => panel.lastView);
    const { seen } = await fake.call<{ seen: { method: string; url: string }[] }>('GET', '/__fake/log');
    const registryGets = seen.filter((r) => r.method === 'GET' && r.url.split('?')[0].startsWith('/v2/registry')).map((r) => r.url.split('?')[0]);
    assert.ok(registryGets.includes('/v2/registry'), `asked: ${registryGets.join(', ')}`);
    assert.ok(!registryGets.includes('/v2/registry/acme-registry'), 'never the path the API does not have');
    assert.equal(panel.lastView!.status?.text === 'deleted', false, 'the panel does not call the registry gone');
    assert.equal(panel.lastView!.notice ?? '', '');
  });

  it('refreshes one resource of every top-level kind from its own GET, found in the tree rather than listed here', async () => {
    const [account] = await api.explorer.getChildren();
    const firstOfKind = new Map<string, ExplorerNode>();
    for (const place of await api.explorer.getChildren(account)) {
      for (const group of await api.explorer.getChildren(place)) {
        for (const node of await api.explorer.getChildren(group)) {
          const [what, kind] = String(node.toTreeItem().contextValue).split('.');
          if (what === 'resource' && !firstOfKind.has(kind)) firstOfKind.set(kind, node);
        }
      }
    }
    firstOfKind.delete('registry'); // a singleton: refreshed from its collection path (above)
    assert.ok(firstOfKind.size >= 20, `only ${[...firstOfKind.keys()].join(', ')}`);
    for (const [kind, node] of firstOfKind) {
      const panel = await open(node);
      await fake.call('POST', '/__fake/log/clear');
      await panel.receive({ type: 'refresh' });
      const id = encodeURIComponent((node as unknown as { resourceId: string }).resourceId);
      const got = await eventually(`the GET of one ${kind}`, async () =>
        (await fake.log()).handled.find((h) => h.method === 'GET' && (h.path.endsWith(`/${id}`) || h.path.endsWith(`/${decodeURIComponent(id)}`))),
      );
      assert.equal(got.status, 200, `${kind}: ${got.path} answered ${got.status}`);
      await eventually(`the ${kind} panel redrawn`, () => panel.lastView);
      assert.notEqual(panel.lastView!.status?.text, 'deleted', `${kind} is not called gone`);
      panel.dispose();
    }
  });

  it('keeps a resource in transition updating while only its panel is visible', async () => {
    const cluster = await path('Acme Web', 'Kubernetes clusters', 'prod-k8s');
    const panel = await open(cluster);
    await vscode.commands.executeCommand('workbench.view.explorer'); // the DigitalOcean view is hidden now
    assert.ok(panel.visible);
    await fake.call('POST', '/__fake/config', { actionDurationMs: 3000 });
    api.setUserInput(new ScriptedUserInput(['1.33.2-do.0', 'Upgrade']));
    await vscode.commands.executeCommand('digitalocean.kubernetes.upgrade', cluster);
    await eventually('the panel to show the upgrade', () => /upgrading/.test(panel.lastView?.status?.text ?? ''));
    await eventually(
      'the panel to show the new version without a refresh',
      () => field(panel.lastView!, 'overview', 'Version').value === '1.33.2-do.0',
      20_000,
    );
    assert.equal(panel.lastView!.status?.text, 'running');
    await vscode.commands.executeCommand('digitalocean.resources.focus');
  });

  it("refreshes a nested resource from its parent's list, and says when it is gone", async () => {
    const poolNode = await path('Acme Web', 'Kubernetes clusters', 'prod-k8s', 'pool-web');
    const panel = await open(poolNode);
    assert.equal(field(panel.lastView!, 'properties', 'Count').value, '3');
    api.setUserInput(new ScriptedUserInput(['5']));
    await vscode.commands.executeCommand('digitalocean.kubernetes.scaleNodePool', poolNode);
    await panel.receive({ type: 'refresh' });
    await eventually('the pool panel to show 5 nodes', () => field(panel.lastView!, 'properties', 'Count').value === '5');

    api.setUserInput(new ScriptedUserInput(['pool-web']));
    await vscode.commands.executeCommand('digitalocean.kubernetes.deleteNodePool', poolNode);
    await panel.receive({ type: 'refresh' });
    await eventually('the panel to say the pool is gone', () => panel.lastView?.status?.text === 'deleted');
    assert.match(panel.lastView!.notice ?? '', /no longer exists/);
    assert.deepEqual(panel.lastView!.buttons, []);
  });

  it('opens from the palette: which kind, then which resource; the same panel is reused', async () => {
    const input = new ScriptedUserInput(['Volumes', 'web-uploads']);
    api.setUserInput(input);
    const key = await vscode.commands.executeCommand<string>('digitalocean.showDetails');
    assert.ok(key && key.includes('/volume/'), String(key));
    const panel = await eventually('the volume panel', () => api.panels.get(key!)?.lastView && api.panels.get(key!));
    assert.equal(panel.lastView!.title, 'web-uploads');
    assert.deepEqual(
      texts(section(panel.lastView!, 'droplet_ids')).map((r) => r[0]),
      ['web-1'],
    );
    api.setUserInput(new ScriptedUserInput(['Volumes', 'web-uploads']));
    assert.equal(await vscode.commands.executeCommand<string>('digitalocean.showDetails'), key);
    assert.equal(api.panels.openKeys.length, 1, 'the open panel was reused');
  });

  it('treats a panel opened by selection as a preview: the next selection replaces it until it is used', async () => {
    const select = async (name: string) =>
      (await vscode.commands.executeCommand<string>('digitalocean.showDetails', await path('Acme Web', 'Droplets', name), {
        preserveFocus: true,
        preview: true,
      }))!;
    const web1 = await select('web-1');
    await eventually('web-1 drawn', () => api.panels.get(web1)?.lastView);
    const web2 = await select('web-2');
    assert.deepEqual(api.panels.openKeys, [web2], 'the preview was replaced');
    const panel = await eventually('web-2 drawn', () => api.panels.get(web2)?.lastView && api.panels.get(web2));
    await panel.receive({ type: 'range', range: '6h' }); // working in it keeps it
    const worker = await select('worker-1');
    assert.deepEqual(api.panels.openKeys.sort(), [web2, worker].sort());
    await vscode.commands.executeCommand('digitalocean.showDetails', await path('Acme Web', 'Droplets', 'web-1')); // the context menu: not a preview
    await select('worker-1');
    assert.equal(api.panels.openKeys.length, 3, 'an explicitly opened panel is kept');
  });

  it('drops messages that are not in the protocol or not in the view it sent', async () => {
    const panel = await open(await path('Acme Web', 'Droplets', 'web-1'));
    const before = (await fake.log()).seen.filter((r) => r.method !== 'GET').length;
    for (const bad of [
      { type: 'button', id: 'destroy' },
      { type: 'button', id: 'power-off', extra: true },
      { type: 'link', id: 'link-999' },
      { type: 'copy', id: '../../etc' },
      { type: 'range', range: '30d' },
      { type: 'eval', code: 'alert(1)' },
      'power-off',
      null,
      // a type that would write a line of its own into the log
      { type: 'x\n[error] forged line\u001b[31m' },
    ]) {
      await panel.receive(bad);
    }
    assert.equal(panel.rejectedMessages, 9);
    assert.equal((await fake.log()).seen.filter((r) => r.method !== 'GET').length, before, 'nothing was changed');
    const log = await logShowing(api, /Detail panel: ignored an unexpected message from the webview \(x\?\?error\?\?forged\?lin\)/);
    assert.ok(!/^\[error\] forged/m.test(log), "no line of the page's own");
  });
});
