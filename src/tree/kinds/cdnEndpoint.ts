import { type CdnEndpoint, cdnEndpoint } from '../../api/resources/cdnEndpoint';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const cdnEndpointPresenter: Presenter<CdnEndpoint> = {
  kind: cdnEndpoint,
  placement: 'account',
  groupOrder: 170,
  icon: 'zap',
  label: (c) => c.custom_domain || c.endpoint,
  description: (c) => [`origin ${c.origin}`, `TTL ${c.ttl}`].join(' · '),
  tooltip: (c) =>
    mdTable(l10n.t('CDN endpoint {0}', c.endpoint), [
      [l10n.t('Origin'), c.origin],
      [l10n.t('Custom domain'), c.custom_domain],
      ['TTL', c.ttl],
    ]),
  consoleUrl: () => `${CONTROL_PANEL}/spaces`,
};
