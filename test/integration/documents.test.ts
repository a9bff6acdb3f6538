/**
 * Resources edited as YAML documents (digitalocean: URIs) in the real extension host: an app's
 * spec, a firewall's rules, a load balancer's forwarding rules and health check. A schema error
 * is a diagnostic at its line with nothing sent; the API's refusal a diagnostic on the line it
 * names, with nothing changed; a confirmed save reaches the fake; a change underneath is caught.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo } from './support/env';
import { fakeState } from './support/fakeState';
import { ScriptedUserInput } from './support/scriptedInput';

type Json = Record<string, unknown> & { id: string; name?: string };

describe('Resources as documents', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(async () => {
    api.setUserInput(undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  /** A node of `group` anywhere under the account (projects and Account-wide). */
  async function nodeNamed(group: string, name: string): Promise<ExplorerNode> {
    const [account] = await api.explorer.getChildren();
    for (const top of await api.explorer.getChildren(account)) {
      const g = (await api.explorer.getChildren(top)).find((n) => label(n) === group);
      const found = g && (await api.explorer.getChildren(g)).find((n) => label(n) === name);
      if (found) return found;
    }
    throw new Error(`no ${name} in any ${group} group`);
  }
  const data = () => fakeState();
  const writes = async (method?: string) => (await fake.log()).seen.filter((r) => (method ? r.method === method : r.method !== 'GET')).length;

  /** Opens the document of a node, and helpers to edit and save it. */
  async function open(command: string, node: ExplorerNode) {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(command, node);
    const doc = await vscode.workspace.openTextDocument(uri);
    const lineOf = (pattern: RegExp) =>
      doc
        .getText()
        .split('\n')
        .findIndex((l) => pattern.test(l));
    const edit = async (apply: (e: vscode.WorkspaceEdit) => void) => {
      const e = new vscode.WorkspaceEdit();
      apply(e);
      assert.ok(await vscode.workspace.applyEdit(e));
    };
    const replaceLine = async (pattern: RegExp, text: string) => {
      const line = lineOf(pattern);
      assert.ok(line >= 0, `no line ${pattern} in\n${doc.getText()}`);
      await edit((e) => e.replace(uri, doc.lineAt(line).range, text));
      return line;
    };
    const replaceAll = (text: string) => edit((e) => e.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text));
    const diagnostics = () => vscode.languages.getDiagnostics(uri);
    return { uri, doc, lineOf, replaceLine, replaceAll, diagnostics };
  }

  it('edits the app spec as a document: schema error at its line before any request, propose error, confirmed deploy, a change underneath caught', async () => {
    const { doc, replaceLine, diagnostics } = await open('digitalocean.app.editSpec', await nodeNamed('Apps', 'marketing-site'));
    assert.match(doc.getText(), /^name: marketing-site$/m);
    const appData = async (name: string) => (await data()).apps.find((a) => (a.spec as Json).name === name)!;
    const deployments = async (id: string) => (await data()).appDeployments[id];

    // 1. not an integer: a diagnostic on that line, and no request that writes (not even propose)
    const before = await writes();
    const countLine = await replaceLine(/instance_count:/, '    instance_count: many');
    assert.equal(await doc.save(), false, 'the save fails');
    const schema = await eventually('a schema diagnostic', () => diagnostics()[0]);
    assert.equal(schema.range.start.line, countLine);
    assert.match(schema.message, /instance_count: must be integer/);
    assert.equal(await writes(), before, 'nothing was sent');

    // 2. valid by the schema, refused by the API's check (another app has the name): its message, on that line
    await replaceLine(/instance_count:/, '    instance_count: 2');
    const nameLine = await replaceLine(/^name:/, 'name: admin-portal');
    assert.equal(await doc.save(), false);
    const refused = await eventually('the propose error as a diagnostic', () =>
      diagnostics().find((d) => d.message.includes('an app named "admin-portal" exists already')),
    );
    assert.equal(refused.range.start.line, nameLine);
    assert.equal(refused.source, 'DigitalOcean API (check)');

    // 3. fixed and confirmed: the spec reaches the fake and a deployment starts
    await replaceLine(/^name:/, 'name: marketing-site');
    const input = new ScriptedUserInput(['Save']);
    api.setUserInput(input);
    assert.equal(await doc.save(), true);
    assert.deepEqual(input.asked, ['Save marketing-site?']);
    const app = await appData('marketing-site');
    assert.equal((app.spec as unknown as { services: { instance_count: number }[] }).services[0].instance_count, 2);
    assert.equal((await deployments(app.id))[0].cause, 'app spec updated', 'a deployment of the new spec started');
    assert.deepEqual(diagnostics(), []);

    // 4. changed on the server meanwhile: not overwritten, the user is told
    const changed = { ...(app.spec as Json), services: [{ ...(app.spec as unknown as { services: object[] }).services[0], http_port: 9090 }] };
    await fake.call('POST', '/__fake/patch', { collection: 'apps', where: { id: app.id }, set: { spec: changed } });
    const putsBefore = await writes('PUT');
    await replaceLine(/instance_count:/, '    instance_count: 3');
    assert.equal(await doc.save(), false);
    assert.ok(
      input.notices.some((n) => n.includes('marketing-site changed on the server since you opened it')),
      input.notices.join('\n'),
    );
    assert.equal(await writes('PUT'), putsBefore, 'nothing was PUT');
  });

  it("edits a firewall's rules: the API refuses bad ports (nothing changes), a confirmed save lists what changes", async () => {
    const d = await open('digitalocean.firewall.editRules', await nodeNamed('Firewalls', 'web-public'));
    assert.match(d.doc.getText(), /^inbound_rules:/m);
    const before = (await data()).firewalls.find((f) => f.name === 'web-public')!;
    const extra = ['  - protocol: tcp', '    ports: "70000"', '    sources:', '      addresses:', '        - 10.0.0.0/8'].join('\n');
    const outbound = d.lineOf(/^outbound_rules:/);
    await d.replaceAll(
      d.doc.getText().split('\n').slice(0, outbound).join('\n') + '\n' + extra + '\n' + d.doc.getText().split('\n').slice(outbound).join('\n'),
    );
    // no check before the write for firewalls: confirmed, then refused by the API
    const input = new ScriptedUserInput(['Save', 'Save']);
    api.setUserInput(input);
    assert.equal(await d.doc.save(), false);
    const refused = await eventually('the refusal as a diagnostic', () => d.diagnostics().find((x) => x.message.includes('ports "70000"')));
    assert.equal(refused.range.start.line, d.lineOf(/ports: "70000"/));
    assert.deepEqual((await data()).firewalls.find((f) => f.name === 'web-public')!.inbound_rules, before.inbound_rules, 'nothing changed');

    await d.replaceLine(/ports: "70000"/, '    ports: "5432"');
    assert.equal(await d.doc.save(), true);
    assert.equal(input.asked.length, 2, 'asked twice: the refused save was confirmed too, then this one');
    const after = (await data()).firewalls.find((f) => f.name === 'web-public')!;
    assert.deepEqual((after.inbound_rules ?? []).at(-1), { protocol: 'tcp', ports: '5432', sources: { addresses: ['10.0.0.0/8'] } });
    assert.deepEqual(after.droplet_ids, before.droplet_ids, 'the droplets and tags stay');
  });

  it("edits a load balancer's forwarding rules and health check; a schema error is caught before any request", async () => {
    const d = await open('digitalocean.loadBalancer.editRules', await nodeNamed('Load balancers', 'web-lb'));
    const sent = await writes();
    const portLine = await d.replaceLine(/^\s+port: 8080$/, '  port: eighty');
    assert.equal(await d.doc.save(), false);
    const schema = await eventually('a schema diagnostic', () => d.diagnostics()[0]);
    assert.equal(schema.range.start.line, portLine);
    assert.equal(await writes(), sent, 'nothing was sent');

    await d.replaceLine(/^\s+port: eighty$/, '  port: 8080');
    await d.replaceLine(/path: \/healthz/, '  path: /ready');
    const input = new ScriptedUserInput(['Save']);
    api.setUserInput(input);
    assert.equal(await d.doc.save(), true);
    const lb = (await data()).loadBalancers.find((l) => l.name === 'web-lb')!;
    assert.equal((lb.health_check as Json).path, '/ready');
    assert.equal(lb.forwarding_rules.length, 2);
  });

  it("edits a database's engine configuration: checked against the engine's schema, only the changed settings sent", async () => {
    const d = await open('digitalocean.database.editConfig', await nodeNamed('Databases', 'main-pg'));
    assert.match(d.doc.getText(), /^# PostgreSQL configuration of main-pg\./);
    assert.match(d.doc.getText(), /^autovacuum_max_workers: 3$/m);
    const sent = await writes();
    const line = await d.replaceLine(/^autovacuum_max_workers: 3$/, 'autovacuum_max_workers: 50');
    assert.equal(await d.doc.save(), false);
    const schema = await eventually('a schema diagnostic', () => d.diagnostics()[0]);
    assert.equal(schema.range.start.line, line);
    assert.match(schema.message, /autovacuum_max_workers/);
    assert.equal(await writes(), sent, 'nothing was sent');

    await d.replaceLine(/^autovacuum_max_workers: 50$/, 'autovacuum_max_workers: 5');
    await d.replaceLine(/^timezone: UTC$/, 'timezone: Europe/Amsterdam');
    const input = new ScriptedUserInput(['Save']);
    api.setUserInput(input);
    assert.equal(
      await d.doc.save(),
      true,
      `${input.notices.join(' | ')} ${d
        .diagnostics()
        .map((x) => x.message)
        .join(' | ')}`,
    );
    assert.equal(input.confirmations[0].detail, 'autovacuum_max_workers: 3 → 5\ntimezone: UTC → Europe/Amsterdam');
    assert.equal(await writes('PATCH'), 1, 'one PATCH');
    const state = await data();
    const config = state.databaseSettings[state.databases.find((x) => x.name === 'main-pg')!.id].config!;
    assert.equal(config.autovacuum_max_workers, 5);
    assert.equal(config.timezone, 'Europe/Amsterdam');
    assert.equal(config.autovacuum_naptime, 60, 'the others stay');
  });

  it('deploys a new app from a spec in the workspace: a schema error shown in that file first, then created after confirmation', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test window has a workspace folder');
    const file = vscode.Uri.joinPath(folder.uri, '.do', 'app.yaml');
    const write = (text: string) => vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    const spec = (count: string) =>
      ['name: shop-api', 'region: ams', 'services:', '  - name: api', `    instance_count: ${count}`, '    http_port: 8080', ''].join('\n');
    try {
      await write(spec('lots'));
      const sent = await writes();
      api.setUserInput(new ScriptedUserInput([]));
      await vscode.commands.executeCommand('digitalocean.app.createFromSpec', file);
      const problem = await eventually('a diagnostic in the workspace file', () => vscode.languages.getDiagnostics(file)[0]);
      assert.equal(problem.range.start.line, 4);
      assert.equal(await writes(), sent, 'nothing was sent');

      await write(spec('2'));
      const input = new ScriptedUserInput(['Create']);
      api.setUserInput(input);
      const id = await vscode.commands.executeCommand<string>('digitalocean.app.createFromSpec', file);
      assert.deepEqual(input.asked, [`Create app shop-api in ${api.store.list()[0].label}?`]);
      const created = (await data()).apps.find((a) => a.id === id);
      assert.equal((created?.spec as Json | undefined)?.name, 'shop-api');
      assert.equal((await data()).appDeployments[id][0].cause, 'app created');
      assert.deepEqual(vscode.languages.getDiagnostics(file), []);
      await eventually('the new app in the tree', async () =>
        nodeNamed('Apps', 'shop-api').then(
          () => true,
          () => false,
        ),
      );
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, '.do'), { recursive: true });
    }
  });
});
