/**
 * Resources edited as YAML documents, through one file system provider (`digitalocean:` URIs,
 * `/<account>/<kind>/<id>/<name>.<suffix>`): an app's spec, a firewall's rules, a load
 * balancer's forwarding rules and health check. Saving runs, in order, sending nothing until
 * each step passes:
 *  1. the YAML and the document's JSON Schema (from DigitalOcean's OpenAPI file, built into
 *     dist/schemas/) — problems become diagnostics at their lines;
 *  2. the resource on the server must still hold what was opened — else the user is told and
 *     offered a diff;
 *  3. the API's own check where it has one (apps: `POST /v2/apps/propose`) — its refusal becomes
 *     a diagnostic on the line it names;
 *  4. a confirmation with a readable summary of the change (and the price, for apps);
 *  5. the write (`PUT`); a refusal there is shown with the API's message, and nothing changed.
 * The checker (ajv) loads on the first save, from where the platform keeps it (on Node a bundle of
 * its own, dist/documents.js; in the browser build, in it); the schemas are read through VS
 * Code's file system from the extension's dist/schemas/, so both builds read them alike.
 */
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import type * as Documents from '../../api/documents';
import { ApiError, createApp, proposeAppSpec } from '../../api';
import type { ResourceKind } from '../../api/resources/descriptor';
import { app as appKind } from '../../api/resources/app';
import type { AccountInfo } from '../../accounts/accountStore';
import { withProgress } from '../../ui/progress';
import type { Validate } from '../../ui/specSchemas';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget } from '../pick';
import { DOCUMENT_SCHEME } from '../fileSystems';
import { registerCommand } from '../register';
import { type AnyDocumentKind, DOCUMENT_KINDS } from './kinds';
import { APP } from './kinds/app';
import { DATABASE_CONFIG } from './kinds/databaseConfig';
import { FIREWALL } from './kinds/firewall';
import { LOAD_BALANCER } from './kinds/loadBalancer';
import type { Value } from './kinds/kind';

const KINDS = DOCUMENT_KINDS;

async function tools(deps: CommandDeps, schema: string): Promise<{ module: typeof Documents; validate?: Validate }> {
  return { module: deps.specSchemas.checker(), validate: await deps.specSchemas.validator(schema) };
}

export function documentUri(account: AccountInfo, kind: AnyDocumentKind, item: unknown): vscode.Uri {
  return vscode.Uri.from({
    scheme: DOCUMENT_SCHEME,
    path: `/${account.id}/${kind.segment}/${kind.resource.idOf(item as never)}/${kind.name(item)}.${kind.suffix}`,
  });
}

class ResourceDocuments implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** What each open document was read from (JSON), to notice a change on the server. */
  private readonly base = new Map<string, string>();
  readonly diagnostics = vscode.languages.createDiagnosticCollection(vscode.l10n.t('DigitalOcean documents'));

  constructor(private readonly deps: CommandDeps) {}

  private target(uri: vscode.Uri): { account: AccountInfo; kind: AnyDocumentKind; id: string } {
    const [accountId, segment, id] = uri.path.split('/').slice(1);
    const account = this.deps.store.list().find((a) => a.id === accountId);
    const kind = KINDS.find((k) => k.segment === segment);
    if (!kind || !id || !account) throw vscode.FileSystemError.FileNotFound(uri);
    return { account, kind, id };
  }

  private async fetch(uri: vscode.Uri): Promise<{ account: AccountInfo; kind: AnyDocumentKind; item: unknown }> {
    const { account, kind, id } = this.target(uri);
    const client = this.deps.model.client(account);
    return { account, kind, item: kind.load ? await kind.load(client, id) : await client.get(kind.resource, id) };
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    this.target(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { kind, item } = await this.fetch(uri);
    const content = kind.content(item);
    this.base.set(uri.toString(), JSON.stringify(content));
    return new TextEncoder().encode(`${kind.header(item)}\n${stringify(content)}`);
  }

  async writeFile(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
    const { account, kind } = this.target(uri);
    // a schema that depends on the item (a database's engine) needs the item first; it is read once
    const early = typeof kind.schema === 'function' ? await this.fetch(uri) : undefined;
    const schema = typeof kind.schema === 'function' ? kind.schema(early!.item) : kind.schema;
    const { module, validate } = await tools(this.deps, schema);
    const text = new TextDecoder().decode(bytes);
    const onLine = (message: string, source: string) => {
      const line = lineMentioning(text, message);
      this.diagnostics.set(uri, problemDiagnostics([{ message, line, column: 0, endLine: line, endColumn: text.split('\n')[line]?.length ?? 0 }], source));
    };
    // 1. YAML and schema: nothing is sent while these fail
    const checked = module.checkDocumentText(text, validate);
    if (checked.problems.length > 0 || !checked.value) {
      this.diagnostics.set(uri, problemDiagnostics(checked.problems, 'schema'));
      throw new Error(
        vscode.l10n.t('The document has {0} problem{1} (see Problems); nothing was sent.', checked.problems.length, checked.problems.length === 1 ? '' : 's'),
      );
    }
    const value = checked.value;
    // 2. changed on the server since it was opened?
    const { item } = early ?? (await this.fetch(uri));
    const name = kind.name(item);
    const before = kind.content(item);
    const base = this.base.get(uri.toString());
    if (base !== undefined && JSON.stringify(before) !== base) {
      this.diagnostics.delete(uri);
      void this.deps.input
        .notify('warning', vscode.l10n.t('{0} changed on the server since you opened it: nothing was saved.', name), vscode.l10n.t('Compare'))
        .then((choice) => {
          if (choice === vscode.l10n.t('Compare')) void compare(uri, name, before);
        });
      throw new Error(vscode.l10n.t('{0} changed on the server since you opened it; compare, then reopen it.', name));
    }
    const client = this.deps.model.client(account);
    const refused = (error: unknown, source: string): never => {
      if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
        onLine(error.message, source);
        throw new Error(vscode.l10n.t('DigitalOcean refused it: {0}', error.message));
      }
      throw error;
    };
    // 3. the API's own check, where there is one
    let note: string | undefined;
    if (kind.propose) {
      note = await withProgress(vscode.l10n.t('Checking {0}…', name), (signal) => kind.propose!(client, item, value, signal)).catch((error: unknown) =>
        refused(error, vscode.l10n.t('DigitalOcean API (check)')),
      );
    }
    this.diagnostics.delete(uri);
    // 4. confirmed, 5. written
    await this.deps.input.confirm(vscode.l10n.t('Save {0}?', name), [kind.summary(before, value), note].filter(Boolean).join('\n'), vscode.l10n.t('Save'));
    await withProgress(vscode.l10n.t('Saving {0}…', name), (signal) => kind.save(client, item, value, signal)).catch((error: unknown) =>
      refused(error, vscode.l10n.t('DigitalOcean API')),
    );
    this.base.set(uri.toString(), JSON.stringify(value));
    this.deps.log.info(`[${account.label}] ${kind.resource.label} ${name} saved from its document`);
    await this.deps.model.reloadResource({ account, kind: kind.resource as ResourceKind<unknown>, id: kind.resource.idOf(item as never), parents: [] });
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('These documents are edited one at a time.'));
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Delete it from the DigitalOcean view instead.'));
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Rename it from the DigitalOcean view instead.'));
  }
}

/** The line of the text that names something the API's message quotes, else the first line that is not a comment. */
function lineMentioning(text: string, message: string): number {
  const lines = text.split('\n');
  for (const quoted of message.match(/"([^"]+)"/g) ?? []) {
    const word = quoted.slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const index = lines.findIndex((l) => !l.trimStart().startsWith('#') && new RegExp(`(^|[^\\w-])${word}($|[^\\w-])`).test(l));
    if (index >= 0) return index;
  }
  return Math.max(
    0,
    lines.findIndex((l) => !l.trimStart().startsWith('#')),
  );
}

async function compare(uri: vscode.Uri, name: string, server: Value): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: stringify(server) });
  await vscode.commands.executeCommand('vscode.diff', doc.uri, uri, `${name}: on the server ↔ yours`);
}

/** Places problems on a document's lines, or a refusal on the line it names. */
function problemDiagnostics(problems: Documents.DocumentProblem[], source: string): vscode.Diagnostic[] {
  return problems.map((p) => {
    const d = new vscode.Diagnostic(new vscode.Range(p.line, p.column, p.endLine, p.endColumn), p.message, vscode.DiagnosticSeverity.Error);
    d.source = source;
    return d;
  });
}

/** Deploy App from Spec…: a YAML spec in the workspace (the open one, or one picked) becomes a new app. */
async function createFromSpec(deps: CommandDeps, diagnostics: vscode.DiagnosticCollection, given?: vscode.Uri): Promise<string> {
  const { input, model, log } = deps;
  const active = vscode.window.activeTextEditor?.document;
  let uri: vscode.Uri;
  if (given) {
    uri = given;
  } else if (active && active.uri.scheme !== DOCUMENT_SCHEME && active.uri.scheme !== 'untitled' && /\.ya?ml$/i.test(active.uri.path)) {
    uri = active.uri;
  } else {
    const found = await vscode.workspace.findFiles('**/{.do/app.yaml,.do/app.yml,*.app.yaml,app.yaml}', '**/node_modules/**', 50);
    if (found.length === 0) throw new Error(vscode.l10n.t('There is no app spec in the workspace (.do/app.yaml, *.app.yaml): open one, then try again.'));
    uri = (
      await input.quickPick(
        found.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u })),
        { title: vscode.l10n.t('Deploy an app from which spec?') },
      )
    ).uri;
  }
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const account = await accountTarget(deps, undefined, vscode.l10n.t('Create the app in which account?'));
  const { module, validate } = await tools(deps, 'app-spec');
  const checked = module.checkDocumentText(text, validate);
  if (checked.problems.length > 0 || !checked.value) {
    diagnostics.set(uri, problemDiagnostics(checked.problems, 'schema'));
    throw new Error(
      vscode.l10n.t(
        '{0} has {1} problem{2} (see Problems); nothing was sent.',
        vscode.workspace.asRelativePath(uri),
        checked.problems.length,
        checked.problems.length === 1 ? '' : 's',
      ),
    );
  }
  const spec = checked.value;
  const client = model.client(account);
  const refusedOnLine = (error: unknown): never => {
    if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
      const line = lineMentioning(text, error.message);
      diagnostics.set(
        uri,
        problemDiagnostics(
          [{ message: error.message, line, column: 0, endLine: line, endColumn: text.split('\n')[line]?.length ?? 0 }],
          vscode.l10n.t('DigitalOcean API (check)'),
        ),
      );
      throw new Error(vscode.l10n.t('DigitalOcean refused the spec: {0}', error.message));
    }
    throw error;
  };
  const proposal = await withProgress(vscode.l10n.t('Checking {0}…', String(spec.name)), (signal) => proposeAppSpec(client, spec, undefined, signal)).catch(
    refusedOnLine,
  );
  diagnostics.delete(uri);
  await input.confirm(
    vscode.l10n.t('Create app {0} in {1}?', String(spec.name), account.label),
    vscode.l10n.t(
      '{0}Its first deployment starts at once.',
      proposal.app_cost !== undefined ? vscode.l10n.t('It will cost about ${0} a month. ', proposal.app_cost) : '',
    ),
    vscode.l10n.t('Create'),
  );
  const created = await withProgress(vscode.l10n.t('Creating {0}…', String(spec.name)), (signal) => createApp(client, spec, signal)).catch(refusedOnLine);
  log.info(`[${account.label}] App ${created.spec.name} created from ${vscode.workspace.asRelativePath(uri)}; its first deployment started`);
  model.reloadKind(account, appKind.kind);
  void input.notify('info', vscode.l10n.t('App {0} is being created; its first deployment is running.', created.spec.name));
  return created.id;
}

export function registerResourceDocumentCommands(deps: CommandDeps): vscode.Disposable[] {
  const documents = new ResourceDocuments(deps);
  const open = (id: string, title: string, kind: AnyDocumentKind) =>
    registerCommand(deps, id, title, async (arg) => {
      const node = await resourceTarget(deps, arg, kind.presenter, title);
      const uri = documentUri(node.account, kind, node.item);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
      await vscode.window.showTextDocument(doc, { preview: false });
      return uri;
    });
  return [
    documents.diagnostics,
    deps.fileSystems.provide(DOCUMENT_SCHEME, documents),
    open('digitalocean.app.editSpec', vscode.l10n.t('Edit app spec'), APP),
    open('digitalocean.firewall.editRules', vscode.l10n.t('Edit firewall rules'), FIREWALL),
    open('digitalocean.loadBalancer.editRules', vscode.l10n.t('Edit load balancer rules'), LOAD_BALANCER),
    open('digitalocean.database.editConfig', vscode.l10n.t('Edit database configuration'), DATABASE_CONFIG),
    registerCommand(deps, 'digitalocean.app.createFromSpec', vscode.l10n.t('Deploy app from spec'), (arg) =>
      createFromSpec(deps, documents.diagnostics, arg instanceof vscode.Uri ? arg : undefined),
    ),
  ];
}
