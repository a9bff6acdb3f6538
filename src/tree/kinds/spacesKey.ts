import { type SpacesKey, describeGrants, spacesKey } from '../../api/resources/spacesKey';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const spacesKeyPresenter: Presenter<SpacesKey> = {
  kind: spacesKey,
  placement: 'account',
  groupOrder: 195,
  icon: 'gist-secret',
  description: (k) => `${k.access_key} · ${describeGrants(k.grants)}`,
  tooltip: (k) =>
    mdTable(l10n.t('Spaces key {0}', k.name), [
      [l10n.t('Access key'), k.access_key],
      [l10n.t('Access'), describeGrants(k.grants)],
      [l10n.t('Created'), k.created_at],
    ]),
  consoleUrl: () => `${CONTROL_PANEL}/spaces/access_keys`,
};
