import { defineKind } from './descriptor';

export interface SshKey {
  id: number;
  fingerprint: string;
  public_key: string;
  name: string;
}

export const sshKey = defineKind<SshKey>({
  deletable: true,
  kind: 'ssh_key',
  label: 'SSH key',
  pluralLabel: 'SSH keys',
  path: '/v2/account/keys',
  collectionKey: 'ssh_keys',
  singleKey: 'ssh_key',
  idOf: (k) => String(k.id),
  nameOf: (k) => k.name,
  paginated: true,
});
