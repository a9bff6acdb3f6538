/** Wiring only: build the services, register the view and the commands. No network here. */
import * as vscode from 'vscode';
import { AccountStore } from './accounts/accountStore';
import { ClientRegistry, requestTimeoutMs } from './accounts/clients';
import { ensureDemoAccount } from './accounts/demoAccount';
import { registerAccountCommands } from './commands/accounts';
import { registerCreateDroplet } from './commands/createDroplet';
import { registerCredentialCommands } from './commands/credentials';
import { registerDatabaseCommands } from './commands/database';
import { registerDetailCommands } from './commands/details';
import { registerDomainCommands } from './commands/domain';
import { registerKubernetesCommands } from './commands/kubernetes';
import { registerTagCommands } from './commands/tags';
import { showRateLimitWaits } from './commands/rateLimitNotice';
import { registerDropletCommands } from './commands/droplet';
import { registerReservedIpCommands } from './commands/reservedIp';
import { registerVolumeCommands } from './commands/volume';
import { registerResourceCommands } from './commands/resources';
import { SwitchableUserInput, type UserInput, VsCodeUserInput } from './commands/userInput';
import { createLogger } from './log';
import { DetailPanels } from './panels/detailPanels';
import { ResourceExplorer } from './tree/explorer';
import type { ExplorerNode } from './tree/nodes/base';

/** What tests in the extension host may reach; exported only in test mode. */
export interface TestingApi {
  setUserInput(input: UserInput | undefined): void;
  store: AccountStore;
  explorer: ResourceExplorer;
  panels: DetailPanels;
  globalState: vscode.Memento;
  secrets: vscode.SecretStorage;
  logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): { testing?: TestingApi } {
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
  const clients = new ClientRegistry(store, settings, log, `digitalocean-explorer-vscode/${version} (vscode ${vscode.version})`);
  const explorer = new ResourceExplorer(store, clients, context.globalState);
  const treeView = vscode.window.createTreeView<ExplorerNode>('digitalocean.resources', { treeDataProvider: explorer, showCollapseAll: true });
  const showViewState = () => {
    treeView.description = explorer.filter ? `filter: ${explorer.filter}` : undefined;
    void vscode.commands.executeCommand('setContext', 'digitalocean.filtered', explorer.filter !== undefined);
    void vscode.commands.executeCommand('setContext', 'digitalocean.grouping', explorer.grouping);
  };
  showViewState();

  const panels = new DetailPanels({ extensionUri: context.extensionUri, explorer, log });
  // Resources in transition are polled while someone can see them: the view or a detail panel.
  const updateVisibility = () => explorer.setVisible(treeView.visible || panels.anyVisible);
  updateVisibility();
  const realInput = new VsCodeUserInput();
  const input = new SwitchableUserInput(realInput);

  context.subscriptions.push(
    log,
    explorer,
    treeView,
    showRateLimitWaits(clients),
    panels,
    ...registerDetailCommands({ log, input, store, explorer, panels }),
    ...registerAccountCommands({ log, input, store, clients, explorer, treeView: treeView as vscode.TreeView<unknown> }),
    ...registerResourceCommands({ log, input, explorer }),
    ...registerCredentialCommands({ log, input, explorer, store, state: context.globalState }),
    ...registerDropletCommands({ log, input, explorer, store }),
    registerCreateDroplet({ log, input, explorer, store }),
    ...registerReservedIpCommands({ log, input, explorer, store }),
    ...registerVolumeCommands({ log, input, explorer, store }),
    ...registerDomainCommands({ log, input, explorer, store }),
    ...registerDatabaseCommands({ log, input, explorer, store }),
    ...registerKubernetesCommands({ log, input, explorer, store }),
    ...registerTagCommands({ log, input, explorer }),
    treeView.onDidChangeVisibility(updateVisibility),
    panels.onDidChangeVisibility(updateVisibility),
    explorer.onDidChangeViewState(showViewState),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('digitalocean')) {
        clients.invalidate();
        explorer.refresh();
      }
    }),
  );

  // `npm start` without a token: open on the demo account (stored locally; no request is made).
  if (process.env.DIGITALOCEAN_EXPLORER_START_WITH_DEMO === '1' && store.list().length === 0) {
    void ensureDemoAccount(store);
  }

  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return {
      testing: {
        setUserInput: (replacement) => input.use(replacement ?? realInput),
        store,
        explorer,
        panels,
        globalState: context.globalState,
        secrets: context.secrets,
        logUri: context.logUri,
      },
    };
  }
  return {};
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
