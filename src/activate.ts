/**
 * Wiring only: build the services, register the views and the commands. No network here. The
 * same for every platform: what differs (how feature code is loaded, the demo API, the S3 client)
 * comes in a `Platform` from the entry (extension.ts for Node).
 */
import * as vscode from 'vscode';
import { AccountStore } from './accounts/accountStore';
import { isLoopbackHost } from './api/transport';
import { ClientRegistry, type DemoApi, requestTimeoutMs } from './accounts/clients';
import { ensureDemoAccount } from './accounts/demoAccount';
import type { CommandDeps, LocalMachine } from './commands/deps';
import type * as Documents from './api/documents';
import { LAZY_FILE_SYSTEMS } from './commands/fileSystems';
import { type CommandFamilyInfo, LazyCommands } from './commands/lazy';
import { watchSpacesKeys } from './commands/spaces/spacesKeyWatch';
import { showRateLimitWaits } from './ui/rateLimitNotice';
import { ResourceModel } from './model/resourceModel';
import { SPACES_REGIONS, type SpacesClientFactory, SpacesModel, type SpacesSettings } from './model/spaces';
import { NamedBucketStore } from './accounts/namedBuckets';
import { SpacesKeyStore } from './accounts/spacesKeys';
import { SpecSchemas } from './ui/specSchemas';
import { type AgentToolsModule, registerAgentTools } from './agents/register';
import { type McpServers, registerMcpServers } from './agents/mcp';
import { LazyFileSystems } from './ui/lazyFileSystem';
import { SwitchableUserInput, type UserInput, VsCodeUserInput } from './ui/userInput';
import { type RemoteWindows, SwitchableRemoteWindows, VsCodeRemoteWindows } from './ui/remoteWindows';
import { createLogger } from './log';
import { DetailPanels, type PanelCodeModule } from './panels/detailPanels';
import { ResourceExplorer } from './tree/explorer';
import type { ExplorerNode } from './tree/nodes/base';
import { PinStore, PinnedView } from './tree/pinned';

/** What an entry provides: the platform's ways of loading what is not in its bundle. */
export interface Platform {
  /** The command families this platform has, and how to get one's module by its bundle name. */
  families: readonly CommandFamilyInfo[];
  commandFamily(bundle: string): unknown;
  /** The detail panels' code. */
  panels(): PanelCodeModule;
  /** The agent tools' code. */
  agents(): AgentToolsModule;
  /** Where the demo account's requests go. */
  demoApi(): DemoApi;
  /** The S3 client for Spaces; none where Spaces are not offered. */
  spacesClients?: () => SpacesClientFactory;
  /** This machine's files (Node); the web has none. */
  machine: LocalMachine;
  /** The edited documents' checker (src/api/documents.ts). */
  documentChecker(): typeof Documents;
  /** What watches this machine's files for the tree (Node: the ssh config's entries); none on the web. */
  machineWatchers?(deps: CommandDeps): vscode.Disposable[];
  /** `npm start`: add the demo account when there is none. */
  startWithDemo: boolean;
  /** When the entry's bundle began loading (performance.now()), for the bench. */
  loadStarted: number;
  /**
   * Running in a web worker extension host (the browser build): the context key
   * digitalocean.webWorker hides the commands this build lacks. Not VS Code's isWeb, which is
   * true in any browser workbench, also where the extension runs in a Node host (code-server,
   * Codespaces) and has them all.
   */
  webWorker: boolean;
}

/** What tests in the extension host may reach; exported only in test mode. */
export interface TestingApi {
  setUserInput(input: UserInput | undefined): void;
  setRemoteWindows(windows: RemoteWindows | undefined): void;
  store: AccountStore;
  model: ResourceModel;
  spaces: SpacesModel;
  explorer: ResourceExplorer;
  /** The view itself: what is selected after a command revealed something. */
  treeView: vscode.TreeView<unknown>;
  pins: PinStore;
  /** The Pinned view's data (what it shows, as VS Code would ask). */
  pinned: PinnedView;
  panels: DetailPanels;
  globalState: vscode.Memento;
  secrets: vscode.SecretStorage;
  logUri: vscode.Uri;
  /** The command families, loaded on first use. */
  commands: LazyCommands;
  /** The language model tools, by name (tests call a write tool's own confirmation and invoke: outside chat VS Code would ask in a modal dialog). */
  agentTools: Record<string, vscode.LanguageModelTool<never>>;
  /** The tools the agents' module implements, once an agent has called one (undefined before: it loads on first use). */
  agentToolsImplemented(): string[] | undefined;
  /** The MCP server definitions' provider. */
  mcpServers: McpServers;
  /** How long activate() itself took, in ms. */
  activateMs: number;
  /** From the first line of this bundle running to activate() being called, in ms. */
  loadMs: number;
  /**
   * Sends the demo account's requests to an API on loopback instead of its own (the web suites:
   * a web worker has no environment to name one in), or back to its own with undefined.
   */
  setDemoApiUrl(url: string | undefined): void;
}

export function activateExplorer(context: vscode.ExtensionContext, platform: Platform): { testing?: TestingApi } {
  const started = performance.now();
  const log = createLogger();
  const store = new AccountStore(context.secrets, context.globalState);
  const settings = () => {
    const config = vscode.workspace.getConfiguration('digitalocean');
    return {
      apiUrl: config.get<string>('apiUrl') || 'https://api.digitalocean.com',
      timeoutMs: requestTimeoutMs(config.get<unknown>('requestTimeoutSeconds')),
    };
  };
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  let demoApiUrl: string | undefined; // tests only (TestingApi.setDemoApiUrl)
  const clients = new ClientRegistry(store, settings, log, `digitalocean-explorer-vscode/${version} (vscode ${vscode.version})`, () =>
    demoApiUrl ? { baseUrl: demoApiUrl } : platform.demoApi(),
  );
  const model = new ResourceModel(store, clients);
  const spacesKeys = new SpacesKeyStore(context.secrets);
  const namedBuckets = new NamedBucketStore(context.globalState);
  const spaces = new SpacesModel(spacesKeys, () => spacesSettings(settings().timeoutMs), platform.spacesClients, undefined, namedBuckets);
  const explorer = new ResourceExplorer(model, store, context.globalState, spaces);
  // a removed account's named buckets and kept counts go with it
  const forgetRemovedAccounts = store.onDidChange(() => {
    const present = new Set(store.list().map((a) => a.id));
    void namedBuckets.keepOnly(present);
    void explorer.summaries.keepOnly(present);
  });
  const treeView = vscode.window.createTreeView<ExplorerNode>('digitalocean.resources', {
    treeDataProvider: explorer,
    showCollapseAll: true,
    canSelectMany: true,
    dragAndDropController: explorer.dropController,
  });
  const showViewState = () => {
    treeView.description = explorer.filter ? `filter: ${explorer.filter}` : undefined;
    void vscode.commands.executeCommand('setContext', 'digitalocean.filtered', explorer.filter !== undefined);
    void vscode.commands.executeCommand('setContext', 'digitalocean.grouping', explorer.grouping);
  };
  showViewState();
  // Set only where it is true: the walkthrough's steps name this key in their `when`, and VS Code's
  // walkthrough page moves the keyboard focus to its selected step whenever such a key changes —
  // out of an open Command Palette, so that Enter then runs nothing. Opening the walkthrough is what
  // activates us, so a desktop key set to false (unset reads the same) stole the focus of a user who
  // went straight on to the palette. The web build still sets it, once (no built-in key tells a web
  // worker host from a Node host in a browser workbench).
  if (platform.webWorker) void vscode.commands.executeCommand('setContext', 'digitalocean.webWorker', true);
  // the walkthrough's first step completes once there is an account
  const accountsContext = () => void vscode.commands.executeCommand('setContext', 'digitalocean.hasAccount', store.list().length > 0);
  accountsContext();

  const pins = new PinStore(context.globalState);
  const specSchemas = new SpecSchemas(context.extensionUri, () => platform.documentChecker());
  const pinned = new PinnedView(pins, store, model, explorer);
  const pinnedTree = vscode.window.createTreeView<ExplorerNode>('digitalocean.pinned', { treeDataProvider: pinned, dragAndDropController: pinned });
  // the Pinned view shows once something is pinned: an empty one would halve the Resources view
  const pinsContext = () => void vscode.commands.executeCommand('setContext', 'digitalocean.hasPins', pins.list().length > 0);
  pinsContext();
  // panel buttons only for commands this build has (`commands` is made below; asked once a panel renders)
  const panels = new DetailPanels({ extensionUri: context.extensionUri, model, explorer, log, hasCommand: (id) => commands.has(id) }, () => platform.panels());
  // Resources in transition are polled while someone can see them: a view or a detail panel.
  const updateVisibility = () => model.setVisible(treeView.visible || pinnedTree.visible || panels.anyVisible);
  updateVisibility();
  const realInput = new VsCodeUserInput();
  const input = new SwitchableUserInput(realInput);
  const realWindows = new VsCodeRemoteWindows();
  const windows = new SwitchableRemoteWindows(realWindows);
  const fileSystems = new LazyFileSystems();
  const deps: CommandDeps = {
    log,
    input,
    store,
    clients,
    model,
    spaces,
    spacesKeys,
    explorer,
    panels,
    treeView: treeView as vscode.TreeView<unknown>,
    pins,
    state: context.globalState,
    windows,
    extensionUri: context.extensionUri,
    fileSystems,
    machine: platform.machine,
    hasCommand: (id) => commands.has(id),
    specSchemas,
  };
  // Commands and the file systems they provide load on first use (src/commands/lazy.ts).
  const commands = new LazyCommands(
    () => deps,
    platform.families,
    (bundle) => platform.commandFamily(bundle),
  );
  for (const { scheme, family } of LAZY_FILE_SYSTEMS) fileSystems.declare(scheme, () => commands.load(family), { isCaseSensitive: true });
  // The editor's agents get the same accounts and model through language model tools (src/agents).
  const declaredTools = (
    (context.extension.packageJSON as { contributes?: { languageModelTools?: { name: string }[] } }).contributes?.languageModelTools ?? []
  ).map((t) => t.name);
  const agents = registerAgentTools(declaredTools, { store, model, log, checkSpec: (schema, value) => specSchemas.problems(schema, value) }, () =>
    platform.agents(),
  );
  // and DigitalOcean's own MCP servers, for the accounts the user chose, tokens from secret storage
  const mcp = registerMcpServers(store, log, !platform.webWorker);

  context.subscriptions.push(forgetRemovedAccounts);
  context.subscriptions.push(
    log,
    model,
    spaces,
    explorer,
    treeView,
    pins,
    pinned,
    pinnedTree,
    pinnedTree.onDidChangeVisibility(updateVisibility),
    showRateLimitWaits(clients),
    panels,
    commands,
    fileSystems,
    ...agents.disposables,
    ...mcp.disposables,
    watchSpacesKeys(deps),
    ...(platform.machineWatchers?.(deps) ?? []),
    treeView.onDidChangeVisibility(updateVisibility),
    panels.onDidChangeVisibility(updateVisibility),
    explorer.onDidChangeViewState(showViewState),
    store.onDidChange(accountsContext),
    pins.onDidChange(pinsContext),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('digitalocean')) {
        clients.invalidate();
        spaces.reset();
        explorer.refresh();
      }
    }),
  );

  // `npm start` without a token: open on the demo account (stored locally; no request is made).
  if (platform.startWithDemo && store.list().length === 0) {
    void ensureDemoAccount(store);
  }

  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return {
      testing: {
        setUserInput: (replacement) => input.use(replacement ?? realInput),
        setRemoteWindows: (replacement) => windows.use(replacement ?? realWindows),
        store,
        model,
        spaces,
        explorer,
        treeView: treeView as vscode.TreeView<unknown>,
        pins,
        pinned,
        panels,
        globalState: context.globalState,
        secrets: context.secrets,
        logUri: context.logUri,
        commands,
        agentTools: agents.tools,
        agentToolsImplemented: () => agents.implemented(),
        mcpServers: mcp.provider,
        activateMs: performance.now() - started,
        loadMs: started - platform.loadStarted,
        setDemoApiUrl: (url) => {
          if (url !== undefined && !isLoopbackHost(new URL(url).hostname)) throw new Error(`not a loopback URL: ${url}`);
          demoApiUrl = url;
          clients.invalidate();
        },
      },
    };
  }
  return {};
}

/** `digitalocean.spaces.*`: the regions listed and the endpoints configured for some of them. */
function spacesSettings(timeoutMs: number): SpacesSettings {
  const config = vscode.workspace.getConfiguration('digitalocean.spaces');
  const regions = config.get<unknown>('regions');
  const endpoints = config.get<unknown>('endpoints');
  const validEndpoints: Record<string, string> = {};
  if (endpoints && typeof endpoints === 'object') {
    for (const [region, url] of Object.entries(endpoints)) {
      if (typeof url === 'string' && /^https?:\/\/[^/\s]+\/?$/.test(url)) validEndpoints[region] = url.replace(/\/$/, '');
    }
  }
  return {
    regions: Array.isArray(regions) && regions.every((r) => typeof r === 'string' && /^[a-z]+\d*$/.test(r)) ? regions : SPACES_REGIONS,
    endpoints: validEndpoints,
    timeoutMs,
  };
}
