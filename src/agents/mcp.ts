/**
 * DigitalOcean's MCP servers offered to the editor's agents for the accounts the user chose, with
 * each account's token taken from secret storage only when VS Code starts a server
 * (`resolveMcpServerDefinition`): the definitions VS Code lists and keeps carry no token, and
 * nothing is written to settings, `mcp.json`, state or logs. Off until the user picks services
 * and accounts (the command "Offer MCP Servers to Agents…", or the settings
 * `digitalocean.mcp.services` and `digitalocean.mcp.accounts`); `digitalocean.mcp.localServer`
 * adds the local `@digitalocean/mcp` program, which talks to `digitalocean.apiUrl`. All three are
 * read from the user's settings alone (a cloned repository cannot turn them on).
 */
import * as vscode from 'vscode';
import type { AccountInfo, AccountStore } from '../accounts/accountStore';
import { type McpService, hostedMcpUrl, isMcpService, localMcpArgs } from '../api/mcpServices';
import type { Logger } from '../log';
import { userSettingPath } from '../ui/userSettings';

type Definition = vscode.McpHttpServerDefinition | vscode.McpStdioServerDefinition;

interface Chosen {
  services: McpService[];
  accounts: AccountInfo[];
  /** The local program, where the user named one (Node only). */
  localServer?: string;
  apiUrl: string;
}

/** What the user's own settings choose (workspace values are ignored: a repository cannot turn this on). */
function chosen(store: AccountStore, log: Logger, local: boolean): Chosen {
  const config = vscode.workspace.getConfiguration('digitalocean');
  const user = <T>(key: string) => config.inspect<T>(key)?.globalValue;
  const services = (user<unknown[]>('mcp.services') ?? []).filter(isMcpService);
  const wanted = (user<unknown[]>('mcp.accounts') ?? []).filter((x): x is string => typeof x === 'string');
  // an account is named by its label (what the view shows) or our id for it; the demo has no token
  const accounts = store.list().filter((a) => !a.demo && (wanted.includes(a.label) || wanted.includes(a.id)));
  let localServer: string | undefined;
  try {
    localServer = local ? userSettingPath('digitalocean', 'mcp.localServer') : undefined;
  } catch (error) {
    log.warn(error instanceof Error ? error.message : String(error));
  }
  return { services, accounts, localServer, apiUrl: config.get<string>('apiUrl') || 'https://api.digitalocean.com' };
}

export class McpServers implements vscode.McpServerDefinitionProvider<Definition>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChangeMcpServerDefinitions = this.changes.event;
  /** The account each listed definition belongs to, by its label (unique in a listing). */
  private accountOf = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];
  /** Counts changes to the accounts: a new token shows as a new version, which VS Code offers to restart. */
  private generation = 0;

  constructor(
    private readonly store: AccountStore,
    private readonly log: Logger,
    /** Whether this extension host can start a local program (not the web worker). */
    private readonly local: boolean,
  ) {
    this.subscriptions = [
      this.changes,
      // an account removed, renamed or given a new token: the definitions change (a running server is restarted by VS Code)
      {
        dispose: store.onDidChange(() => {
          this.generation++;
          this.changes.fire();
        }).dispose,
      },
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('digitalocean.mcp') || e.affectsConfiguration('digitalocean.apiUrl')) this.changes.fire();
      }),
    ];
  }

  provideMcpServerDefinitions(): Definition[] {
    const { services, accounts, localServer, apiUrl } = chosen(this.store, this.log, this.local);
    const definitions: Definition[] = [];
    const accountOf = new Map<string, string>();
    if (services.length === 0) {
      this.accountOf = accountOf;
      return definitions;
    }
    for (const account of accounts) {
      const version = String(this.generation);
      for (const service of services) {
        const label = vscode.l10n.t('DigitalOcean {0} ({1})', service, account.label);
        definitions.push(new vscode.McpHttpServerDefinition(label, vscode.Uri.parse(hostedMcpUrl(service)), {}, version));
        accountOf.set(label, account.id);
      }
      if (localServer) {
        const label = vscode.l10n.t('DigitalOcean, local ({0})', account.label);
        definitions.push(new vscode.McpStdioServerDefinition(label, localServer, localMcpArgs(services, apiUrl), {}, version));
        accountOf.set(label, account.id);
      }
    }
    this.accountOf = accountOf;
    return definitions;
  }

  /** Fills in the account's token as VS Code starts the server: the only place it is read. */
  async resolveMcpServerDefinition(server: Definition): Promise<Definition> {
    const id = this.accountOf.get(server.label);
    const account = id ? this.store.get(id) : undefined;
    if (!account) throw new Error(vscode.l10n.t('{0}: its account is no longer in the DigitalOcean view.', server.label));
    if (account.needsToken)
      throw new Error(vscode.l10n.t('{0}: the token of {1} was rejected; update it in the DigitalOcean view first.', server.label, account.label));
    const token = await this.store.token(account.id);
    if (!token) throw new Error(vscode.l10n.t('{0}: {1} has no token.', server.label, account.label));
    this.log.info(`MCP server "${server.label}" started for ${account.label}`);
    if (server instanceof vscode.McpHttpServerDefinition) server.headers = { ...server.headers, Authorization: `Bearer ${token}` };
    else server.env = { ...server.env, DIGITALOCEAN_API_TOKEN: token };
    return server;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Registers the provider where the editor has MCP providers (VS Code 1.101 and later). */
export function registerMcpServers(store: AccountStore, log: Logger, local: boolean): { provider: McpServers; disposables: vscode.Disposable[] } {
  const provider = new McpServers(store, log, local);
  const disposables: vscode.Disposable[] = [provider];
  if (typeof vscode.lm?.registerMcpServerDefinitionProvider === 'function')
    disposables.push(vscode.lm.registerMcpServerDefinitionProvider('digitalocean.mcpServers', provider));
  return { provider, disposables };
}
