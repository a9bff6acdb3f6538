/**
 * What happens in an app besides deploying it, in the real extension host against the fake
 * (through Prism): deployments as the app's children with their own panel (steps read by the
 * deployment's GET) and logs; events (logs, cancel); job runs (logs, cancel); alert destinations
 * (a webhook URL typed in a password box, never shown or logged); component health, prices and
 * bandwidth in the app's panel; every app's bandwidth at once; a rollback reverted.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ResourcePanel } from '../../src/panels/detailPanels';
import type { CellView, FieldView, PanelView, SectionView } from '../../src/panels/protocol';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, extensionLog, fake, freshDemo, nodeAt } from './support/env';
import { fakeState } from './support/fakeState';
import { REJECT, type ScriptedAnswer, ScriptedUserInput } from './support/scriptedInput';

describe('App activity: deployments, events, job runs, alerts, health and bandwidth', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const description = (n: ExplorerNode) => String(n.toTreeItem().description ?? '');
  const appNode = (name: string) => nodeAt(api, name === 'marketing-site' ? 'Acme Web' : 'Data Platform', 'Apps', name);
  const appData = async (name: string) => (await fakeState()).apps.find((a) => a.spec.name === name)!;
  const WEBHOOK_SECRET = 'https://hooks.slack.com/services/T0NEW0000/B0NEW0000/xY9secretWebhookPart';

  async function run<T>(command: string, arg: unknown, answers: ScriptedAnswer[]): Promise<{ input: ScriptedUserInput; result: T }> {
    const input = new ScriptedUserInput(answers);
    api.setUserInput(input);
    const result = (await vscode.commands.executeCommand<T>(command, arg))!;
    return { input, result };
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
  const field = (view: PanelView, sectionId: string, name: string): FieldView => {
    const s = section(view, sectionId) as Extract<SectionView, { type: 'fields' }>;
    const f = s.fields.find((x) => x.label === name);
    assert.ok(f, `no field ${name} in ${s.fields.map((x) => x.label).join(', ')}`);
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
    for (const t of vscode.window.terminals) t.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("shows an app's latest deployments under it, newest first; a deployment's panel reads its steps by its own GET", async () => {
    const deployments = await api.explorer.getChildren(await appNode('admin-portal'));
    assert.deepEqual(
      deployments.map((d) => description(d).split(' · ')[0]),
      ['active', 'superseded', 'error', 'superseded'],
    );
    assert.equal(label(deployments[0]), 'commit 4f2a9c1 pushed to main');
    assert.equal(label(deployments[2]), 'commit 9e1b7d0 pushed to main');

    await fake.call('POST', '/__fake/log/clear');
    const panel = await open(deployments[2]);
    const view = panel.lastView!;
    assert.equal(field(view, 'overview', 'Phase').value, 'ERROR');
    assert.equal(field(view, 'overview', 'Steps').value, '3 of 6 done, 1 failed');
    assert.match(field(view, 'overview', 'Commit of web').value, /^9e1b7d0/);
    const steps = texts(section(view, 'steps'));
    assert.deepEqual(
      steps.map((r) => [r[0], r[2]]),
      [
        ['initialize', 'success'],
        ['fetch source', 'success'],
        ['build', 'success'],
        ['push image', 'error'],
        ['deploy', 'pending'],
        ['health check', 'pending'],
      ],
    );
    assert.equal(steps[3][5], 'web: the build command exited with status 1');
    const { handled } = await fake.log();
    const appId = (await appData('admin-portal')).id;
    const id = (await fakeState()).appDeployments[appId][2].id;
    assert.ok(
      handled.some((h) => h.method === 'GET' && h.path === `/v2/apps/${appId}/deployments/${id}`),
      'the deployment was read by its own GET',
    );
    assert.equal(view.buttons[0]?.label, 'Show Logs…');
  });

  it("opens a past deployment's build logs from its node", async () => {
    const [, past] = await api.explorer.getChildren(await appNode('admin-portal'));
    const { input } = await run('digitalocean.app.deploymentLogs', past, ['Build', 'web']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.deepEqual(input.offered[1], ['All components', 'web', 'db-migrate']);
    const id = (await fakeState()).appDeployments[(await appData('admin-portal')).id][1].id;
    await eventually('the log terminal', () => vscode.window.terminals.find((t) => t.name === `Logs: admin-portal · web · build · ${id.slice(0, 8)}`));
  });

  it('lists events with autoscalings among deployments, opens an event’s logs, and cancels a running deployment’s event', async () => {
    const node = await appNode('marketing-site');
    const logs = await run<{ action: string }>('digitalocean.app.showEvents', node, ['Autoscaling: web 1 → 2 (cpu)', 'Show Autoscaling Logs']);
    assert.equal(logs.input.remaining, 0, logs.input.asked.join(' | '));
    assert.deepEqual(
      logs.input.offered[0].map((l) => l.split(':')[0]),
      ['Deployment', 'Autoscaling', 'Deployment', 'Deployment', 'Deployment'],
      'newest first: the autoscaling happened the day before the active deployment',
    );
    assert.deepEqual(logs.input.offered[1], ['Show Autoscaling Logs'], 'a finished event cannot be canceled');
    await eventually('the event log terminal', () =>
      vscode.window.terminals.find((t) => /^Logs: marketing-site · event [0-9a-f]{8} · autoscale event$/.test(t.name)),
    );

    // a deployment that stays running while the test looks at it (a slow host once let it finish first)
    await fake.call('POST', '/__fake/config', { actionDurationMs: 60_000 });
    api.setUserInput(new ScriptedUserInput(['Deploy']));
    await vscode.commands.executeCommand('digitalocean.app.deploy', node);
    const running = (await appData('marketing-site')).in_progress_deployment!;
    assert.ok(running, 'a deployment runs');
    const cancel = await run<{ action: string; phase: string }>('digitalocean.app.showEvents', await appNode('marketing-site'), [
      'Deployment: manual',
      'Cancel Event…',
      'Cancel Event',
    ]);
    assert.equal(cancel.input.remaining, 0, cancel.input.asked.join(' | '));
    assert.deepEqual(cancel.input.offered[1], ['Show Build Logs', 'Show Deploy Logs', 'Cancel Event…']);
    assert.equal(cancel.result.phase, 'canceled');
    const app = await appData('marketing-site');
    assert.equal(app.in_progress_deployment, undefined);
    assert.equal((await fakeState()).appDeployments[app.id].find((d) => d.id === running.id)!.phase, 'CANCELED');
    await eventually('the app node to show the active deployment again', async () => description(await appNode('marketing-site')).startsWith('active'));
  });

  it("lists a job's runs, cancels the running one after a confirmation, and shows a finished one's logs", async () => {
    const node = await appNode('admin-portal');
    assert.match(String(node.toTreeItem().contextValue), /\.jobs(\.|$)/, 'the menu knows the app has jobs');
    const cancel = await run<{ action: string; phase: string }>('digitalocean.app.jobRuns', node, ['running', 'Cancel Run…', 'Cancel Run']);
    assert.equal(cancel.input.remaining, 0, cancel.input.asked.join(' | '));
    assert.deepEqual(
      cancel.input.offered[0].map((l) => l.split(' · ')[0]),
      ['running', 'succeeded', 'failed', 'succeeded'],
    );
    assert.match(cancel.input.offeredItems[0][0].description ?? '', /^manual, by /);
    assert.equal(cancel.input.offeredItems[0][1].description, 'scheduled (0 */6 * * * UTC)');
    assert.equal(cancel.result.phase, 'CANCELED');
    const app = await appData('admin-portal');
    const runs = (await fakeState()).appJobInvocations![app.id];
    assert.equal(runs[0].phase, 'CANCELED');

    const logs = await run<{ action: string }>('digitalocean.app.jobRuns', await appNode('admin-portal'), ['failed', 'Show Logs']);
    assert.deepEqual(logs.input.offered[1], ['Show Logs'], 'a finished run cannot be canceled');
    await eventually('the job log terminal', () => vscode.window.terminals.find((t) => /^Logs: admin-portal · db-migrate run [0-9a-f]{8}$/.test(t.name)));

    // an app without jobs is not offered
    const { input } = await run('digitalocean.app.jobRuns', undefined, [undefined]);
    assert.ok(!(input.offered[0] ?? []).includes('marketing-site'), 'only apps with jobs');
  });

  it('edits where an alert goes: emails checked, a Slack webhook removed and one added in a password box, its URL never shown or logged', async () => {
    const node = await appNode('marketing-site');
    const { input, result } = await run<{ destinations: string }>('digitalocean.app.alertDestinations', node, [
      'Deployment failed',
      REJECT('ops@example.com, not-an-email'),
      'ops@example.com, dev@example.com',
      ['Add a Slack webhook…'],
      REJECT('http://hooks.slack.com/services/x'),
      WEBHOOK_SECRET,
      REJECT('bad channel!'),
      '#ops',
      'Send it to ops@example.com, dev@example.com, Slack #ops',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.deepEqual(input.offered[0], ['Deployment failed', 'Domain failed', 'CPU utilization']);
    assert.deepEqual(input.offered[1], ['Slack #deploys', 'Add a Slack webhook…']);
    assert.equal(result.destinations, 'ops@example.com, dev@example.com, Slack #ops');
    const app = await appData('marketing-site');
    const alert = (await fakeState()).appAlerts![app.id].find((a) => a.spec?.rule === 'DEPLOYMENT_FAILED')!;
    assert.deepEqual(alert.emails, ['ops@example.com', 'dev@example.com']);
    assert.deepEqual(alert.slack_webhooks, [{ url: WEBHOOK_SECRET, channel: 'ops' }], 'the old webhook removed, the new one added');
    const shown = JSON.stringify([input.offeredItems, input.asked, input.notices]);
    assert.ok(!shown.includes('xY9secretWebhookPart') && !shown.includes('notARealWebhookSecret'), 'no webhook URL is shown');
    assert.ok(!(await extensionLog(api)).includes('xY9secretWebhookPart'), 'the webhook URL is not logged');

    // the panel lists the alert by its channel, never by its URL
    const panel = await open(await appNode('marketing-site'));
    assert.deepEqual(texts(section(panel.lastView!, 'domains')), [['www.acme.example', 'primary', 'active', '2027-02-01']], 'its domains and where they stand');
    const alerts = texts(section(panel.lastView!, 'alerts'));
    assert.deepEqual(alerts[0].slice(0, 3), ['deployment failed', '', 'ops@example.com, dev@example.com, Slack #ops']);
    assert.ok(!JSON.stringify(panel.lastView).includes('xY9secretWebhookPart'), 'no webhook URL in the panel');
  });

  it("shows an app's health, its components' prices, its bandwidth and its job runs in its panel", async () => {
    const panel = await open(await appNode('admin-portal'));
    const view = panel.lastView!;
    assert.deepEqual(texts(section(view, 'health')), [['web', 'healthy', '1/1', '12.5%', '41.3%']]);
    assert.deepEqual(
      texts(section(view, 'components')).map((r) => [r[0], r[5]]),
      [
        ['web', '$12/mo'],
        ['db-migrate', '$5/mo'],
      ],
    );
    assert.match(field(view, 'overview', 'Bandwidth yesterday').value, /^\d+(\.\d+)? (MB|GB)$/);
    const charts = section(view, 'monitoring') as Extract<SectionView, { type: 'charts' }>;
    assert.deepEqual(
      charts.charts.map((c) => [c.id, c.series.map((x) => x.label).join(',')]),
      [
        ['cpu', 'web,db-migrate'],
        ['memory', 'web,db-migrate'],
        ['restarts', 'web,db-migrate'],
      ],
      'one line per component the API has metrics of',
    );
    assert.ok(charts.charts[0].x.length > 10 && charts.charts[0].series[0].values.every((v) => v === null || (v >= 0 && v <= 100)));
    assert.deepEqual(
      texts(section(view, 'jobs')).map((r) => r[1]),
      ['running', 'succeeded', 'failed', 'succeeded'],
    );
    assert.ok(
      view.buttons.some((b) => b.label === 'Job Runs…') && view.buttons.some((b) => b.label === 'Events…'),
      view.buttons.map((b) => b.label).join(', '),
    );
    const { handled } = await fake.log();
    assert.ok(handled.some((h) => h.method === 'GET' && h.path === '/v2/apps/tiers/instance_sizes/apps-s-1vcpu-1gb'));
    // a deployment's row links to its own panel
    const first = section(view, 'deployments') as Extract<SectionView, { type: 'table' }>;
    assert.ok((first.rows[0][0] as CellView).link, 'the deployment is a link');
  });

  it("shows every app's bandwidth of yesterday in one request per hundred apps, largest first", async () => {
    await fake.call('POST', '/__fake/log/clear');
    const { input, result } = await run<Record<string, number>>('digitalocean.app.bandwidth', await nodeAt(api, 'Acme Web', 'Apps'), ['admin-portal']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    const state = await fakeState();
    const { seen } = await fake.log();
    const asked = seen.filter((r) => r.method === 'POST' && r.url === '/v2/apps/metrics/bandwidth_daily');
    assert.equal(asked.length, 1);
    assert.deepEqual(Object.keys(result).sort(), state.apps.map((a) => a.spec.name).sort());
    const figures = Object.values(result);
    assert.ok(figures.every((b) => b > 0));
    assert.deepEqual(
      input.offered[0],
      Object.entries(result)
        .sort((a, b) => b[1] - a[1])
        .map(([name]) => name),
    );
    await eventually('the picked app’s panel', () => [...vscode.window.tabGroups.all.flatMap((g) => g.tabs)].some((t) => t.label.includes('admin-portal')));
  });

  it('reverts a rollback: what was active before it is deployed again and the app is unpinned', async () => {
    await fake.call('POST', '/__fake/config', { actionDurationMs: 600 });
    const before = await appData('marketing-site');
    await api.explorer.getChildren(await appNode('marketing-site')); // the fake makes the deployments' list on first use
    const good = (await fakeState()).appDeployments[before.id].find((d) => d.phase === 'SUPERSEDED')!;
    await run('digitalocean.app.rollback', await appNode('marketing-site'), [good.cause!, 'Roll Back']);
    await eventually('the rollback to settle', async () => !(await appData('marketing-site')).in_progress_deployment, 20_000);
    assert.equal((await appData('marketing-site')).pinned_deployment?.id, good.id);

    const { input } = await run('digitalocean.app.revertRollback', await appNode('marketing-site'), ['Revert']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.deepEqual(input.asked, ['Revert the rollback of marketing-site?']);
    const app = await appData('marketing-site');
    assert.equal(app.pinned_deployment, undefined, 'unpinned');
    const [revert] = (await fakeState()).appDeployments[app.id];
    assert.equal(revert.cause, 'rollback reverted');
    assert.equal(revert.cloned_from, before.active_deployment!.id, 'the deployment active before the rollback is deployed again');
    await eventually('the app node to show the revert deploying or done', async () =>
      /^(active|pending|building|deploying)/.test(description(await appNode('marketing-site'))),
    );
  });

  it("draws a MySQL cluster's graphs from the Monitoring API: usage, load, threads, operations, index reads and a schema's rows", async () => {
    await fake.call('POST', '/__fake/log/clear');
    const panel = await open(await nodeAt(api, 'Acme Web', 'Databases', 'shop-mysql'));
    const charts = section(panel.lastView!, 'monitoring') as Extract<SectionView, { type: 'charts' }>;
    assert.deepEqual(
      charts.charts.map((c) => c.id),
      ['usage', 'load', 'threads', 'operations', 'index-reads', 'schema-throughput', 'schema-latency'],
    );
    const operations = charts.charts.find((c) => c.id === 'operations')!;
    assert.deepEqual(
      operations.series.map((x) => x.label),
      ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    );
    assert.ok(operations.x.length > 10 && operations.series.every((x) => x.values.some((v) => typeof v === 'number' && v > 0)));
    const paths = new Set(
      (await fake.log()).handled.filter((h) => h.path.startsWith('/v2/monitoring/metrics/database/mysql/')).map((h) => h.path.split('/').pop()),
    );
    assert.deepEqual([...paths].sort(), [
      'cpu_usage',
      'disk_usage',
      'index_vs_sequential_reads',
      'load',
      'memory_usage',
      'op_rates',
      'schema_latency',
      'schema_throughput',
      'threads_active',
      'threads_connected',
      'threads_created_rate',
    ]);
    // PostgreSQL has no metrics in the public API: no graphs promised
    const pg = await open(await nodeAt(api, 'Acme Web', 'Databases', 'main-pg'));
    assert.ok(!pg.lastView!.sections.some((x) => x.id === 'monitoring'));
  });

  it('draws what the droplets behind a load balancer see: a line per droplet, named, and their response and session times', async () => {
    await fake.call('POST', '/__fake/log/clear');
    const [lbNode] = await api.explorer.getChildren(await nodeAt(api, 'Acme Web', 'Load balancers'));
    const panel = await open(lbNode);
    const charts = section(panel.lastView!, 'droplet-monitoring') as Extract<SectionView, { type: 'charts' }>;
    assert.deepEqual(
      charts.charts.map((c) => c.id),
      ['droplet-connections', 'droplet-responses', 'droplet-latency', 'sessions', 'queue', 'health-checks', 'downtime'],
    );
    assert.deepEqual(
      charts.charts[0].series.map((x) => x.label),
      ['web-1', 'web-2'],
      'each droplet by its name',
    );
    const paths = new Set(
      (await fake.log()).handled.filter((h) => h.path.startsWith('/v2/monitoring/metrics/load_balancer/droplets_')).map((h) => h.path.split('/').pop()),
    );
    assert.equal(paths.size, 12, [...paths].join(', '));
  });
});
