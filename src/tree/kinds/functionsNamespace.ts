import { type FunctionsNamespace, functionsNamespace } from '../../api/resources/functionsNamespace';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const functionsNamespacePresenter: Presenter<FunctionsNamespace> = {
  kind: functionsNamespace,
  placement: 'account',
  groupOrder: 100,
  icon: 'symbol-function',
  description: (n) => [n.region, n.namespace].join(' · '),
  // The namespace key is a credential: not shown.
  tooltip: (n, ctx) => mdTable(`Functions namespace ${n.label}`, [['Namespace', n.namespace], ['Region', n.region], ['API host', n.api_host], ['Created', relativeTime(n.created_at, ctx.now)]]),
  region: (n) => n.region,
  consoleUrl: (n) => `${CONTROL_PANEL}/functions/${n.namespace}`,
};
