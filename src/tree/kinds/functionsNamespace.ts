import { type FunctionsNamespace, functionsNamespace } from '../../api/resources/functionsNamespace';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const functionsNamespacePresenter: Presenter<FunctionsNamespace> = {
  kind: functionsNamespace,
  placement: 'account',
  groupOrder: 100,
  icon: 'symbol-function',
  description: (n) => [n.region, n.namespace].join(' · '),
  // The namespace key is a credential: not shown.
  tooltip: (n, ctx) =>
    mdTable(l10n.t('Functions namespace {0}', n.label), [
      [l10n.t('Namespace'), n.namespace],
      [l10n.t('Region'), n.region],
      [l10n.t('API host'), n.api_host],
      [l10n.t('Created'), relativeTime(n.created_at, ctx.now)],
    ]),
  region: (n) => n.region,
  consoleUrl: (n) => `${CONTROL_PANEL}/functions/${n.namespace}`,
};
