/**
 * Translations reach the text the extension shows: a bundle handed to the one @vscode/l10n the
 * extension's bundles share (dist/l10n.js, which src/l10n.ts configures from vscode.l10n.bundle at
 * load) changes what a command says — here a wizard's validation message from src/api, a layer
 * that cannot use vscode.l10n — and English comes back when the bundle is taken away.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { EXTENSION_ID, extensionApi, freshDemo, runWithAnswers } from './support/env';

describe('Translations', function () {
  this.timeout(30_000);
  let api: TestingApi;
  let shared: { config(c: { contents: Record<string, string> }): void };

  before(async () => {
    api = await extensionApi();
    await freshDemo(api);
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    // the very module instance extension.js required (Node's module cache), not a bundled copy
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    shared = require(path.join(root, 'dist', 'l10n.js')) as typeof shared;
  });
  after(() => {
    shared.config({ contents: {} });
    api.setUserInput(undefined);
  });

  async function nameRejection(): Promise<string> {
    const account = (await api.explorer.getChildren())[0];
    const input = await runWithAnswers(api, 'digitalocean.project.create', account, ['']);
    return input.rejections.join('\n');
  }

  it('shows a validation message from the translation bundle, and English without one', async () => {
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const english = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    assert.equal(english['A name is required.'], 'A name is required.', 'the exported bundle lists the message');
    // a pseudo-translation of every string, as translators' tools make for testing
    const pseudo = Object.fromEntries(
      Object.keys(english).map((k) => [k, `⟦${k.replace(/[aeiou]/g, (v) => ({ a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' })[v]!)}⟧`]),
    );
    shared.config({ contents: pseudo });
    assert.equal(await nameRejection(), '⟦A námé ís réqúíréd.⟧');
    shared.config({ contents: {} });
    assert.equal(await nameRejection(), 'A name is required.');
  });
});
