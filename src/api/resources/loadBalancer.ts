import { defineKind, type Region } from './descriptor';

export interface LoadBalancer {
  id: string;
  name: string;
  ip: string;
  status: 'new' | 'active' | 'errored';
  created_at: string;
  region?: Region;
  size_unit?: number;
  droplet_ids?: number[];
  tag?: string;
  vpc_uuid?: string;
  forwarding_rules: { entry_protocol: string; entry_port: number; target_protocol: string; target_port: number }[];
}

export const loadBalancer = defineKind<LoadBalancer>({
  deletable: true,
  kind: 'load_balancer',
  heavyDelete: true,
  label: 'Load balancer',
  pluralLabel: 'Load balancers',
  path: '/v2/load_balancers',
  collectionKey: 'load_balancers',
  singleKey: 'load_balancer',
  idOf: (l) => l.id,
  nameOf: (l) => l.name,
  urnPrefix: 'do:loadbalancer:',
  paginated: true,
});
