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
import { ApiError, createApp, proposeAppSpec, updateAppSpec, updateFirewall, updateLoadBalancer, type DigitalOceanClient } from '../../api';
import type { ResourceKind } from '../../api/resources/descriptor';
import { app as appKind, type App } from '../../api/resources/app';
import { firewall as firewallKind, type Firewall } from '../../api/resources/firewall';
import { loadBalancer as loadBalancerKind, type LoadBalancer } from '../../api/resources/loadBalancer';
import type { AccountInfo } from '../../accounts/accountStore';
import type { AnyPresenter } from '../../tree/kinds';
import { appPresenter } from '../../tree/kinds/app';
import { firewallPresenter } from '../../tree/kinds/firewall';
import { loadBalancerPresenter } from '../../tree/kinds/loadBalancer';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget } from '../pick';
import { DOCUMENT_SCHEME } from '../fileSystems';
import { registerCommand } from '../register';

type Value = Record<string, unknown>;

/** What a kind of document is: which resource, what of it the document holds, how it is saved. */
interface DocumentKind<T> {
  segment: string;
  suffix: string;
  resource: ResourceKind<T>;
  presenter: AnyPresenter;
  /** dist/schemas/<schema>.json */
  schema: string;
  name(item: T): string;
  /** The part of the resource the document holds. */
  content(item: T): Value;
  header(item: T): string;
  /** The API's own check, where it has one: resolves a sentence for the confirmation. */
  propose?(client: DigitalOceanClient, item: T, value: Value, signal: AbortSignal): Promise<string | undefined>;
  /** The change in words, for the confirmation. */
  summary(before: Value, after: Value): string;
  save(client: DigitalOceanClient, item: T, value: Value, signal: AbortSignal): Promise<unknown>;
}

const ruleText = (r: Value, direction: 'sources' | 'destinations') => {
  const target = (r[direction] ?? {}) as Record<string, unknown[]>;
  const who = Object.entries(target)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k.replace(/_ids$|_uids$|es$|s$/, '')} ${String(x)}`) : []))
    .join(', ');
  return `${String(r.protocol)} ${String(r.ports ?? 'all')} ${direction === 'sources' ? 'from' : 'to'} ${who || 'nowhere'}`;
};

/** "added: …; removed: …" between two lists of rule texts; "no change" when equal. */
function listChange(what: string, before: string[], after: string[]): string | undefined {
  const added = after.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !after.includes(r));
  if (!added.length && !removed.length) return undefined;
  return [`${what}:`, ...added.map((r) => `+ ${r}`), ...removed.map((r) => `− ${r}`)].join('\n');
}

const APP: DocumentKind<App> = {
  segment: 'apps',
  suffix: 'app.yaml',
  resource: appKind,
  presenter: appPresenter,
  schema: 'app-spec',
  name: (a) => a.spec.name,
  content: (a) => a.spec as unknown as Value,
  header: (a) => `# App spec of ${a.spec.name}. Saving checks it, proposes it, and deploys it after you confirm.`,
  async propose(client, a, value, signal) {
    const proposal = await proposeAppSpec(client, value, a.id, signal);
    return proposal.app_cost !== undefined ? vscode.l10n.t('The app will cost about ${0} a month.', proposal.app_cost) : undefined;
  },
  summary: () => vscode.l10n.t('Saving starts a deployment of this spec.'),
  save: (client, a, value, signal) => updateAppSpec(client, a.id, value, signal),
};

const FIREWALL: DocumentKind<Firewall> = {
  segment: 'firewalls',
  suffix: 'firewall.yaml',
  resource: firewallKind,
  presenter: firewallPresenter,
  schema: 'firewall-rules',
  name: (f) => f.name,
  content: (f) => ({ inbound_rules: f.inbound_rules ?? [], outbound_rules: f.outbound_rules ?? [] }),
  header: (f) => `# Rules of firewall ${f.name}. Saving checks them and applies them after you confirm.`,
  summary(before, after) {
    const rules = (v: Value, key: string, dir: 'sources' | 'destinations') => ((v[key] ?? []) as Value[]).map((r) => ruleText(r, dir));
    return (
      [
        listChange(vscode.l10n.t('Inbound'), rules(before, 'inbound_rules', 'sources'), rules(after, 'inbound_rules', 'sources')),
        listChange(vscode.l10n.t('Outbound'), rules(before, 'outbound_rules', 'destinations'), rules(after, 'outbound_rules', 'destinations')),
      ]
        .filter(Boolean)
        .join('\n') || vscode.l10n.t('No rule changes.')
    );
  },
  save: (client, f, value, signal) => updateFirewall(client, f.id, { name: f.name, droplet_ids: f.droplet_ids ?? [], tags: f.tags ?? [], ...value }, signal),
};

const LOAD_BALANCER: DocumentKind<LoadBalancer> = {
  segment: 'load_balancers',
  suffix: 'lb.yaml',
  resource: loadBalancerKind,
  presenter: loadBalancerPresenter,
  schema: 'load-balancer-rules',
  name: (lb) => lb.name,
  content: (lb) => {
    const full = lb as unknown as Value;
    return { forwarding_rules: lb.forwarding_rules, ...(full.health_check ? { health_check: full.health_check } : {}) };
  },
  header: (lb) => `# Forwarding rules and health check of load balancer ${lb.name}. Saving checks them and applies them after you confirm.`,
  summary(before, after) {
    const rules = (v: Value) =>
      ((v.forwarding_rules ?? []) as Value[]).map(
        (r) => `${String(r.entry_protocol)} ${String(r.entry_port)} → ${String(r.target_protocol)} ${String(r.target_port)}`,
      );
    const health =
      JSON.stringify(before.health_check) === JSON.stringify(after.health_check)
        ? undefined
        : vscode.l10n.t(
            'Health check: {0}',
            Object.entries((after.health_check ?? {}) as Value)
              .map(([k, v]) => `${k} ${String(v)}`)
              .join(', '),
          );
    return [listChange(vscode.l10n.t('Forwarding rules'), rules(before), rules(after)), health].filter(Boolean).join('\n') || vscode.l10n.t('No changes.');
  },
  save(client, lb, value, signal) {
    const full = lb as unknown as Value;
    const keep = [
      'name',
      'size_unit',
      'size',
      'algorithm',
      'sticky_sessions',
      'redirect_http_to_https',
      'enable_proxy_protocol',
      'enable_backend_keepalive',
      'http_idle_timeout_seconds',
      'vpc_uuid',
      'project_id',
      'disable_lets_encrypt_dns_records',
      'network',
      'network_stack',
    ];
    const body: Value = Object.fromEntries(keep.filter((k) => full[k] !== undefined && full[k] !== null).map((k) => [k, full[k]]));
    body.region = lb.region?.slug;
    if (lb.tag) body.tag = lb.tag;
    else body.droplet_ids = lb.droplet_ids ?? [];
    return updateLoadBalancer(client, lb.id, { ...body, ...value }, signal);
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous registry
type AnyDocumentKind = DocumentKind<any>;
const KINDS: readonly AnyDocumentKind[] = [APP, FIREWALL, LOAD_BALANCER];

const validators = new Map<string, Promise<ReturnType<typeof Documents.documentValidator> | null>>();

/** The checker and a kind's schema, loaded once, when first needed. */
async function tools(deps: CommandDeps, schema: string): Promise<{ module: typeof Documents; validate?: ReturnType<typeof Documents.documentValidator> }> {
  const module = deps.documentChecker();
  let validator = validators.get(schema);
  if (!validator) {
    validator = (async () => {
      try {
        const file = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'schemas', `${schema}.json`);
        return module.documentValidator(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as object);
      } catch {
        return null; // a build without the OpenAPI file: the API checks on its own
      }
    })();
    validators.set(schema, validator);
  }
  return { module, validate: (await validator) ?? undefined };
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
    return { account, kind, item: await this.deps.model.client(account).get(kind.resource, id) };
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
    const { module, validate } = await tools(this.deps, kind.schema);
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
    const { item } = await this.fetch(uri);
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
    registerCommand(deps, 'digitalocean.app.createFromSpec', vscode.l10n.t('Deploy app from spec'), (arg) =>
      createFromSpec(deps, documents.diagnostics, arg instanceof vscode.Uri ? arg : undefined),
    ),
  ];
}
