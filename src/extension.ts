/**
 * The Node entry (package.json `main`): the shared wiring (activate.ts) with Node's ways of
 * loading feature code — each command family, the panels, the agent tools, the demo API and the S3 client are
 * bundles of their own in dist/, required on first use (scripts/lazyFeatures.mjs).
 */
import { loadStarted } from './loadClock'; // first: when loading this bundle began
import './l10n'; // next: module-level text below is translated as it loads
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import families from 'command-families:';
import { isLoopbackHost } from './api/transport';
import type { DemoApi } from './accounts/clients';
import { type Platform, type TestingApi, activateExplorer } from './activate';
import type { PanelCodeModule } from './panels/detailPanels';
import type { AgentToolsModule } from './agents/register';
import type { SpacesClient, SpacesClientOptions } from './api/spaces/spacesClient';
import { sweepAllLeftovers } from './credentials/privateDirs';
import { localPublicKeys } from './credentials/sshKeys';
import { localTransferFiles } from './ui/localTransferFiles';
import { watchSshConfigEntries } from './commands/droplet/sshConfigWatch.node';
import type * as Documents from './api/documents';

export type { TestingApi } from './activate';

/** This bundle's modules, by path, for the bundles loaded on first use to share (scripts/lazyFeatures.mjs). */
export { default as coreModules } from 'core-modules:';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- bundles of their own beside this one
const bundle = (file: string): unknown => require(path.join(__dirname, file));

/** The demo API: a loopback fake when DIGITALOCEAN_DEMO_API_URL names one (tests), else in this process. */
function demoApi(): DemoApi {
  const url = process.env.DIGITALOCEAN_DEMO_API_URL;
  if (url) {
    try {
      if (isLoopbackHost(new URL(url).hostname)) return { baseUrl: url };
    } catch {
      // not a URL: fall back to the in-process demo
    }
  }
  return { fetch: (bundle('demo.js') as { demoFetch(): typeof globalThis.fetch }).demoFetch() };
}

const node: Platform = {
  families,
  commandFamily: bundle,
  panels: () => bundle('panels.js') as PanelCodeModule,
  agents: () => bundle('agents.js') as AgentToolsModule,
  demoApi,
  spacesClients: () => {
    const { SpacesClient: Client } = bundle('spaces.js') as { SpacesClient: new (options: SpacesClientOptions) => SpacesClient };
    return (options) => new Client(options);
  },
  machine: { publicKeys: () => localPublicKeys(), files: localTransferFiles, name: os.hostname() },
  documentChecker: () => bundle('documents.js') as typeof Documents,
  machineWatchers: (deps) => [watchSshConfigEntries(deps)],
  startWithDemo: process.env.DIGITALOCEAN_EXPLORER_START_WITH_DEMO === '1',
  loadStarted,
  webWorker: false,
};

export function activate(context: vscode.ExtensionContext): { testing?: TestingApi } {
  // credentials a crashed or killed window left in private temporary files (a database shell's
  // password, a kubectl terminal's kubeconfig) go now, not at that feature's next use: a look
  // at the temp folder after activation, no network
  setTimeout(() => void sweepAllLeftovers().catch(() => undefined), 0);
  return activateExplorer(context, node);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
