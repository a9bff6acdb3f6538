/**
 * Cluster tools in the real extension host against the fake (through Prism): clusterlint run and
 * waited for, its diagnostics in a read-only document and in the Problems view with links to the
 * checks' documentation, escape sequences from the API shown inert; the registry integration
 * disconnected (after a confirmation) and connected again, the tree's menus following; the panel's
 * admin user and status messages.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { PanelView, SectionView } from '../../src/panels/protocol';
import { assertDeclinedQuietly, eventually, extensionApi, fake, freshDemo, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

describe('Kubernetes: clusterlint, registry integration, status messages', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const prod = () => nodeAt(api, 'Acme Web', 'Kubernetes clusters', 'prod-k8s');
  const state = async () => (await fakeState()).kubernetesClusters.find((c) => c.name === 'prod-k8s')!;

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api, 1500));
  afterEach(async () => {
    api.setUserInput(undefined);
    api.panels.closeAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs clusterlint, waits for the run, and shows its diagnostics in a document and the Problems view', async () => {
    const started = Date.now();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('digitalocean.kubernetes.runClusterlint', await prod());
    assert.ok(uri, 'the command resolves the document');
    assert.ok(Date.now() - started >= 1400, 'it waited for the run to complete');
    const polls = (await fake.log()).handled.filter((r) => r.method === 'GET' && r.path.endsWith('/clusterlint'));
    assert.ok(polls.length >= 1, 'it asked for the results');

    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText();
    assert.match(text, /^Clusterlint of prod-k8s \(Acme Demo.*\), run [0-9a-f-]{36}, finished \d{4}-\d\d-\d\dT/);
    assert.match(text, /^Errors: 1 · warnings: 2 · suggestions: 1$/m);
    const lines = text.split('\n').slice(3);
    assert.match(lines[0], /^error +ValidatingWebhookConfiguration gatekeeper +Validating webhook gatekeeper/, 'errors first');
    assert.match(lines.at(-1)!, /^suggestion +ConfigMap default\/old-settings +Unused config map "old-settings" \[unused-config-map\]$/);
    // the escape sequence of a hyperlink in a message from the API is gone, not acted on
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text), 'no control characters in the document');

    const problems = vscode.languages.getDiagnostics(uri);
    assert.equal(problems.length, 4);
    assert.deepEqual(
      problems.map((p) => p.severity),
      [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information],
    );
    const latest = problems.find((p) => typeof p.code === 'object' && p.code.value === 'latest-tag')!;
    assert.equal(latest.message, 'Deployment default/web: Avoid using latest tag for container web in Deployment default/web');
    assert.equal(
      (latest.code as { target: vscode.Uri }).target.toString(true),
      'https://docs.digitalocean.com/products/kubernetes/resources/clusterlint-errors/#latest-tag',
    );
    assert.equal(doc.lineAt(latest.range.start.line).text.includes('latest-tag'), true, 'the problem points at its line');
    assert.equal(latest.source, 'clusterlint');
  });

  it('disconnects the registry after a confirmation and connects it again; the menus follow', async () => {
    assert.equal((await state()).registry_enabled, true);
    assert.match(String((await prod()).toTreeItem().contextValue), /\.registry(\.|$)/);
    const before = await writes();
    assertDeclinedQuietly(
      await runWithAnswers(api, 'digitalocean.kubernetes.disconnectRegistry', await prod(), ['Cancel']),
      /^Disconnect prod-k8s from the container registry\?$/,
    );
    assert.equal(await writes(), before, 'a declined confirmation sends nothing');

    await runWithAnswers(api, 'digitalocean.kubernetes.disconnectRegistry', await prod(), ['Disconnect']);
    assert.equal((await state()).registry_enabled, false);
    await eventually('the node offers Connect', async () => /\.noregistry/.test(String((await prod()).toTreeItem().contextValue)));

    const connected = await runWithAnswers(api, 'digitalocean.kubernetes.connectRegistry', await prod(), []);
    assert.equal((await state()).registry_enabled, true);
    assert.match(connected.notices.join('\n'), /prod-k8s can pull from registry\.digitalocean\.com\//);
    const again = await runWithAnswers(api, 'digitalocean.kubernetes.connectRegistry', await prod(), []);
    assert.match(again.notices.join('\n'), /^error: .*prod-k8s can pull from the registry already\./m);
  });

  it("shows the cluster's admin user and status messages in its panel", async () => {
    const key = (await vscode.commands.executeCommand<string>('digitalocean.showDetails', await prod()))!;
    const panel = api.panels.get(key)!;
    const view: PanelView = await eventually('the panel to render', () => panel.lastView);
    const overview = view.sections.find((s) => s.id === 'overview') as Extract<SectionView, { type: 'fields' }>;
    const email = (await fakeState()).account.email;
    assert.equal(overview.fields.find((f) => f.label === 'Admin user')?.value, `${email} (system:masters)`);
    const messages = view.sections.find((s) => s.id === 'messages') as Extract<SectionView, { type: 'table' }>;
    assert.ok(messages, `no messages section in ${view.sections.map((s) => s.id).join(', ')}`);
    const texts = messages.rows.map((r) => String(r[1]));
    assert.ok(texts.includes('All nodes are ready'), texts.join(' | '));
    assert.ok(texts.some((t) => /^Cluster prod-k8s created with Kubernetes /.test(t)));
  });

  it("installs 1-Click apps into a cluster from the API's Kubernetes catalogue, after a confirmation", async () => {
    const before = await writes();
    const declined = await runWithAnswers(api, 'digitalocean.kubernetes.installOneClicks', await prod(), [['monitoring'], undefined]);
    assert.deepEqual(declined.offered[0], ['monitoring', 'ingress-nginx', 'cert-manager', 'loki'], 'only the Kubernetes ones');
    assertDeclinedQuietly(declined, /^Install monitoring into prod-k8s\?$/);
    assert.equal(await writes(), before, 'nothing sent when declined');

    const input = await runWithAnswers(api, 'digitalocean.kubernetes.installOneClicks', await prod(), [['monitoring', 'cert-manager'], 'Install']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.ok(
      input.notices.some((n) => n.startsWith('info: prod-k8s: installing monitoring, cert-manager.')),
      input.notices.join('\n'),
    );
    const state = (await fakeState()) as unknown as { kubernetesOneClicks: Record<string, string[]>; kubernetesClusters: { id: string; name: string }[] };
    const id = state.kubernetesClusters.find((c) => c.name === 'prod-k8s')!.id;
    assert.deepEqual(state.kubernetesOneClicks[id], ['monitoring', 'cert-manager']);
  });
});
