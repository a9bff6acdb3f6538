/** An app's spec as a document: checked and priced by the API's propose, saved as a deployment. */
import * as vscode from 'vscode';
import { proposeAppSpec, updateAppSpec } from '../../../api';
import { app as appKind, type App } from '../../../api/resources/app';
import { appPresenter } from '../../../tree/kinds/app';
import type { DocumentKind, Value } from './kind';

export const APP: DocumentKind<App> = {
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
