import { type SpacesKey, describeGrants, spacesKey } from '../../api/resources/spacesKey';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const spacesKeyPresenter: Presenter<SpacesKey> = {
  kind: spacesKey,
  placement: 'account',
  groupOrder: 195,
  icon: 'gist-secret',
  description: (k) => `${k.access_key} · ${describeGrants(k.grants)}`,
  tooltip: (k) =>
    mdTable(`Spaces key ${k.name}`, [
      ['Access key', k.access_key],
      ['Access', describeGrants(k.grants)],
      ['Created', k.created_at],
    ]),
  consoleUrl: () => `${CONTROL_PANEL}/spaces/access_keys`,
};
