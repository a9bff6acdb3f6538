/**
 * The browser entry (package.json `browser`; vscode.dev, github.dev): the shared wiring
 * (activate.ts) with everything in one bundle, dist/web/extension.js. It holds the command
 * families that need nothing of Node (the build picks them: a family whose browser build reaches
 * a Node built-in is left out, and its commands are hidden by digitalocean.webWorker) and the
 * in-process demo API. No Spaces yet (README, "On the web").
 */
import { loadStarted } from './loadClock'; // first: when loading this bundle began
import './l10n'; // next: module-level text below is translated as it loads
import type * as vscode from 'vscode';
import web from 'web-command-families:';
import { type Platform, type TestingApi, activateExplorer } from './activate';
import { demoFetch } from './demo';
import * as documents from './api/documents';
import * as panels from './panels/resourcePanel';

const browser: Platform = {
  families: web.families,
  commandFamily: (bundle) => web.modules[bundle],
  panels: () => panels,
  demoApi: () => ({ fetch: demoFetch() }),
  // no Spaces yet: uploads and downloads stream local files, and a bucket answers a browser only
  // when its CORS rules allow the editor's origin (README, "On the web")
  // no ~/.ssh here: the droplet wizard preselects no key as "on this machine"
  machine: { publicKeys: async () => [] },
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
