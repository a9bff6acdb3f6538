/**
 * The browser entry (package.json `browser`; vscode.dev, github.dev): the shared wiring
 * (activate.ts) with everything in one bundle, dist/web/extension.js. It holds every command
 * family but the feature folders' `*.node.ts` ones (whose commands are hidden by
 * digitalocean.webWorker; the build fails if any other family reaches a Node built-in) and the
 * in-process demo API.
 */
import { loadStarted } from './loadClock'; // first: when loading this bundle began
import './l10n'; // next: module-level text below is translated as it loads
import type * as vscode from 'vscode';
import web from 'web-command-families:';
import { type Platform, type TestingApi, activateExplorer } from './activate';
import { demoFetch } from './demo';
import * as documents from './api/documents';
import * as panels from './panels/resourcePanel';
import * as agents from './agents';
import { SpacesClient } from './api/spaces/spacesClient';
import { workspaceFiles } from './ui/transferFiles';

/** The worker's origin: on vscode.dev a generated subdomain of vscode-cdn.net that changes. */
const browserOrigin = (globalThis as { location?: { origin?: string } }).location?.origin;

const browser: Platform = {
  families: web.families,
  commandFamily: (bundle) => web.modules[bundle],
  panels: () => panels,
  agents: () => agents,
  demoApi: () => ({ fetch: demoFetch() }),
  // A bucket answers a browser only where its CORS rules allow the editor's origin: the client
  // reports a blocked answer as that (docs/web.md).
  spacesClients: () => (options) => new SpacesClient({ ...options, browserOrigin }),
  // no ~/.ssh here: the droplet wizard preselects no key as "on this machine"; uploads and
  // downloads use the workspace's file system
  machine: { publicKeys: async () => [], files: workspaceFiles, name: 'web', browserOrigin },
  documentChecker: () => documents,
  startWithDemo: false,
  loadStarted,
  webWorker: true,
};

export function activate(context: vscode.ExtensionContext): { testing?: TestingApi } {
  return activateExplorer(context, browser);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
