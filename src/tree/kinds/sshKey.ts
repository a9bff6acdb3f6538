import { type SshKey, sshKey } from '../../api/resources/sshKey';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const sshKeyPresenter: Presenter<SshKey> = {
  kind: sshKey,
  placement: 'account',
  groupOrder: 190,
  icon: 'key',
  description: (k) => k.fingerprint,
  tooltip: (k) =>
    mdTable(l10n.t('SSH key {0}', k.name), [
      [l10n.t('Fingerprint'), k.fingerprint],
      [l10n.t('Type'), k.public_key.split(' ')[0]],
      ['ID', k.id],
    ]),
  consoleUrl: () => `${CONTROL_PANEL}/account/security`,
};
