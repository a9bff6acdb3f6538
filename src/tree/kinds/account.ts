import { type SshKey, type Tag, sshKey, tag } from '../../api';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const sshKeyPresenter: Presenter<SshKey> = {
  kind: sshKey,
  placement: 'account',
  icon: 'key',
  description: (k) => k.fingerprint,
  tooltip: (k) => mdTable(`SSH key ${k.name}`, [['Fingerprint', k.fingerprint], ['Type', k.public_key.split(' ')[0]], ['ID', k.id]]),
  consoleUrl: () => `${CONTROL_PANEL}/account/security`,
};

export const tagPresenter: Presenter<Tag> = {
  kind: tag,
  placement: 'account',
  icon: 'tag',
  description: (t) => `${t.resources.count} resource${t.resources.count === 1 ? '' : 's'}`,
  tooltip: (t) => mdTable(`Tag ${t.name}`, [['Resources', t.resources.count]]),
};
