import { defineKind } from './descriptor';

export interface Firewall {
  id: string;
  name: string;
  status: 'waiting' | 'succeeded' | 'failed';
  created_at: string;
  droplet_ids: number[] | null;
  tags: string[] | null;
  inbound_rules: unknown[] | null;
  outbound_rules: unknown[] | null;
}

export const firewall = defineKind<Firewall>({
  deletable: true,
  kind: 'firewall',
  label: 'Firewall',
  pluralLabel: 'Firewalls',
  path: '/v2/firewalls',
  collectionKey: 'firewalls',
  singleKey: 'firewall',
  idOf: (f) => f.id,
  nameOf: (f) => f.name,
  paginated: true,
});
