/**
 * Edit App Spec: the live spec as a YAML document (`digitalocean:/<account>/apps/<id>/<name>.app.yaml`,
 * a FileSystemProvider). Saving it, in order, with nothing sent until the steps before pass:
 *  1. the YAML and the spec's JSON Schema (built from DigitalOcean's OpenAPI file into
 *     dist/app-spec.schema.json) — problems become diagnostics at their lines, nothing is sent;
 *  2. the server's spec must still be the one opened — else the user is told and offered a diff;
 *  3. `POST /v2/apps/propose` — its error becomes a diagnostic; its price goes in the confirmation;
 *  4. only after the user confirms, `PUT /v2/apps/{id}`: a deployment starts and the app's node
 *     and panel follow it.
 * The validator (ajv) and the schema load on the first save, from a bundle of their own.
 */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import type * as AppSpecModule from '../api/appSpec';
import { app as appKind, type App } from '../api/resources/app';
import { ApiError } from '../api';
import type { AccountInfo } from '../accounts/accountStore';
import { appPresenter } from '../tree/kinds/app';
import { withProgress } from '../ui/progress';
import type { CommandDeps } from './deps';
import { resourceTarget } from './pick';
import { registerCommand } from './register';

export const SPEC_SCHEME = 'digitalocean';

let specModule: typeof AppSpecModule | undefined;
let validator: ReturnType<typeof AppSpecModule.specValidator> | null | undefined;

/** The spec code and the schema's checker, loaded once, when first needed. */
function specTools(): { module: typeof AppSpecModule; validate?: ReturnType<typeof AppSpecModule.specValidator> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, a separate bundle
  specModule ??= require(path.join(__dirname, 'appSpec.js')) as typeof AppSpecModule;
  if (validator === undefined) {
    try {
      validator = specModule.specValidator(JSON.parse(readFileSync(path.join(__dirname, 'app-spec.schema.json'), 'utf8')) as object);
    } catch {
      validator = null; // a build without the OpenAPI file: the API's propose still checks
    }
  }
  return { module: specModule, validate: validator ?? undefined };
}

export function specUri(account: AccountInfo, app: App): vscode.Uri {
  return vscode.Uri.from({ scheme: SPEC_SCHEME, path: `/${account.id}/apps/${app.id}/${app.spec.name}.app.yaml` });
}

class AppSpecFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** The spec each open document was read from (as JSON), to notice a change on the server. */
  private readonly base = new Map<string, string>();
  readonly diagnostics = vscode.languages.createDiagnosticCollection('DigitalOcean app spec');

  constructor(private readonly deps: CommandDeps) {}

  private target(uri: vscode.Uri): { account: AccountInfo; appId: string } {
    const [accountId, kind, appId] = uri.path.split('/').slice(1);
    const account = this.deps.store.list().find((a) => a.id === accountId);
    if (kind !== 'apps' || !appId || !account) throw vscode.FileSystemError.FileNotFound(uri);
    return { account, appId };
  }

  private async fetch(uri: vscode.Uri): Promise<App> {
    const { account, appId } = this.target(uri);
    return (await this.deps.model.client(account).get(appKind, appId)) as App;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    this.target(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const app = await this.fetch(uri);
    this.base.set(uri.toString(), JSON.stringify(app.spec));
    return new TextEncoder().encode(`# App spec of ${app.spec.name}. Saving checks it, proposes it, and deploys it after you confirm.\n${stringify(app.spec)}`);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { account, appId } = this.target(uri);
    const { module, validate } = specTools();
    const text = new TextDecoder().decode(content);
    const problem = (p: AppSpecModule.SpecProblem, source: string) => {
      const d = new vscode.Diagnostic(new vscode.Range(p.line, p.column, p.endLine, p.endColumn), p.message, vscode.DiagnosticSeverity.Error);
      d.source = source;
      return d;
    };
    // 1. YAML and schema: nothing is sent while these fail
    const checked = module.checkSpecText(text, validate);
    if (checked.problems.length > 0 || !checked.spec) {
      this.diagnostics.set(uri, checked.problems.map((p) => problem(p, 'app spec schema')));
      throw new Error(`The spec has ${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'} (see Problems); nothing was sent.`);
    }
    const spec = checked.spec;
    const client = this.deps.model.client(account);
    // 2. changed on the server since it was opened?
    const current = await this.fetch(uri);
    const base = this.base.get(uri.toString());
    if (base !== undefined && JSON.stringify(current.spec) !== base) {
      this.diagnostics.delete(uri);
      void this.deps.input.notify('warning', `${current.spec.name}'s spec changed on the server since you opened it: nothing was saved.`, 'Compare').then((choice) => {
        if (choice === 'Compare') void this.compare(uri, current);
      });
      throw new Error(`${current.spec.name}'s spec changed on the server since you opened it; compare, then reopen it.`);
    }
    // 3. the API's own check and price
    let proposal: AppSpecModule.AppProposal;
    try {
      proposal = await withProgress(`Checking ${String(spec.name)}'s spec…`, (signal) => module.proposeAppSpec(client, spec, appId, signal));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
        const line = this.lineMentioning(text, error.message);
        this.diagnostics.set(uri, [problem({ message: error.message, line, column: 0, endLine: line, endColumn: text.split('\n')[line]?.length ?? 0 }, 'DigitalOcean API (propose)')]);
        throw new Error(`DigitalOcean refused the spec: ${error.message}`);
      }
      throw error;
    }
    this.diagnostics.delete(uri);
    // 4. deploy, once confirmed
    await this.deps.input.confirm(
      `Save and deploy ${String(spec.name)}?`,
      `${proposal.app_cost !== undefined ? `The app will cost about $${proposal.app_cost} a month. ` : ''}Saving starts a deployment of this spec.`,
      'Save and Deploy',
    );
    await withProgress(`Saving ${String(spec.name)}'s spec…`, (signal) => module.updateAppSpec(client, appId, spec, signal));
    this.base.set(uri.toString(), JSON.stringify(spec));
    this.deps.log.info(`[${account.label}] App spec of ${String(spec.name)} saved; a deployment started`);
    await this.deps.model.reloadResource({ account, kind: appKind as never, id: appId, parents: [] });
  }

  /** The line of the text that names something the API's message quotes, else the first. */
  private lineMentioning(text: string, message: string): number {
    const lines = text.split('\n');
    for (const quoted of message.match(/"([^"]+)"/g) ?? []) {
      const word = quoted.slice(1, -1);
      const index = lines.findIndex((l) => !l.trimStart().startsWith('#') && new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(l));
      if (index >= 0) return index;
    }
    return Math.max(0, lines.findIndex((l) => !l.trimStart().startsWith('#')));
  }

  private async compare(uri: vscode.Uri, current: App): Promise<void> {
    const server = await vscode.workspace.openTextDocument({ language: 'yaml', content: stringify(current.spec) });
    await vscode.commands.executeCommand('vscode.diff', server.uri, uri, `${current.spec.name}: on the server ↔ yours`);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('App specs are edited one at a time.');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Delete the app from the DigitalOcean view instead.');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Rename the app in its spec (name:).');
  }
}

export function registerAppSpecCommands(deps: CommandDeps): vscode.Disposable[] {
  const files = new AppSpecFileSystem(deps);
  return [
    files.diagnostics,
    vscode.workspace.registerFileSystemProvider(SPEC_SCHEME, files, { isCaseSensitive: true }),
    registerCommand(deps, 'digitalocean.app.editSpec', 'Edit app spec', async (arg) => {
      const node = await resourceTarget(deps, arg, appPresenter, 'Edit an app spec');
      const uri = specUri(node.account, node.item as App);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
      await vscode.window.showTextDocument(doc, { preview: false });
      return uri;
    }),
  ];
}
