import { type SshKey, sshKey } from '../../api/resources/sshKey';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const sshKeyPresenter: Presenter<SshKey> = {
  kind: sshKey,
  placement: 'account',
  groupOrder: 190,
  icon: 'key',
  description: (k) => k.fingerprint,
  tooltip: (k) => mdTable(`SSH key ${k.name}`, [['Fingerprint', k.fingerprint], ['Type', k.public_key.split(' ')[0]], ['ID', k.id]]),
  consoleUrl: () => `${CONTROL_PANEL}/account/security`,
};
