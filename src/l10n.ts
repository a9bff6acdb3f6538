/**
 * The first import of extension.ts: hands VS Code's translations for this extension (loaded before
 * our code is) to @vscode/l10n, which the layers that must not import vscode (api, credentials,
 * model, the presenters' descriptors) translate with. Module-level text is evaluated as the bundle
 * loads, so this runs before any of it. In English there is no bundle and nothing to do.
 * The build makes every Node bundle (extension.js and the lazily loaded ones) share one
 * @vscode/l10n (dist/l10n.js), so what is configured here holds for them too.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
