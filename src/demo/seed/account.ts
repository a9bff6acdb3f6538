/** The account itself: its user and team, its balance, SSH keys and Spaces keys. */
import type { Account } from '../../api/resources/account';
import type { SpacesKey } from '../../api/resources/spacesKey';
import { type SeedContext, type Stored, stableUuid } from './common';
import type { DemoData } from './state';

export const DEMO_TEAM = { uuid: 'c1d4e9f0-7a5b-4c3d-9e2f-1a2b3c4d5e6f', name: 'Acme Demo Team' };
export const DEMO_EMAIL = 'demo@acme.example';

export function seedAccount({ t, now }: SeedContext): Pick<DemoData, 'account' | 'balance' | 'sshKeys' | 'spacesKeys'> {
  const account: Stored<Account> = {
    droplet_limit: 25,
    floating_ip_limit: 5,
    volume_limit: 100,
    email: DEMO_EMAIL,
    name: 'Demo User',
    uuid: stableUuid('account-demo'),
    email_verified: true,
    status: 'active',
    status_message: '',
    team: DEMO_TEAM,
  };
  const balance = { month_to_date_balance: '412.37', account_balance: '0.00', month_to_date_usage: '412.37', generated_at: now };
  const sshKeys = [
    {
      id: 512190,
      fingerprint: '3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa',
      public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKeyAliceNotARealKeyAAAAAAAAAAAAAAAAAAAAA alice@acme',
      name: 'alice-laptop',
    },
    {
      id: 512191,
      fingerprint: '9c:2a:11:d0:7f:3e:aa:19:c4:55:01:be:82:73:6d:0e',
      public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKeyCINotARealKeyAAAAAAAAAAAAAAAAAAAAAAAA ci@acme',
      name: 'ci-deploy',
    },
  ];

  const spacesKeys: Stored<SpacesKey>[] = [
    { name: 'site-deploy', access_key: 'DO00DEMOSITEDEPLOY00', grants: [{ bucket: 'acme-assets', permission: 'readwrite' }], created_at: t(90) },
  ];
  return { account, balance, sshKeys, spacesKeys };
}
