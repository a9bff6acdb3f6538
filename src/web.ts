/**
 * The browser entry (vscode.dev, github.dev): the shared wiring (activate.ts) with everything in
 * one bundle, dist/web/extension.js. It holds the command families that need nothing of Node
 * (the build picks them: a family whose Node bundle reaches a Node built-in is left out) and the
 * in-process demo API. Not yet declared as `browser` in package.json: that waits for the suites to
 * run in the web worker extension host (issue #19). Spaces, which sign with node:crypto, are not
 * in it yet.
 */
import { loadStarted } from './loadClock'; // first: when loading this bundle began
import './l10n'; // next: module-level text below is translated as it loads
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import web from 'web-command-families:';
import { type Platform, type TestingApi, activateExplorer } from './activate';
import { demoFetch } from './demo';
import * as panels from './panels/resourcePanel';

const browser: Platform = {
  families: web.families,
  commandFamily: (bundle) => web.modules[bundle],
  panels: () => panels,
  demoApi: () => ({ fetch: demoFetch() }),
  spacesClients: () => {
    throw new Error(l10n.t('Spaces are not available in the browser yet.'));
  },
  // no ~/.ssh here: the droplet wizard preselects no key as "on this machine"
  machine: { publicKeys: async () => [] },
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
