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

export interface ReservedIp {
  ip: string;
  region: Region;
  droplet: { id: number; name: string } | null;
  locked: boolean;
  project_id?: string;
}

export interface ReservedIpv6 {
  ip: string;
  region_slug: string;
  reserved_at: string;
  droplet?: { id: number; name: string } | null;
}

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

export interface Vpc {
  id: string;
  name: string;
  region: string;
  ip_range: string;
  description?: string;
  urn: string;
  default: boolean;
  created_at: string;
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

export const reservedIp = defineKind<ReservedIp>({
  kind: 'reserved_ip',
  label: 'Reserved IP',
  pluralLabel: 'Reserved IPs',
  path: '/v2/reserved_ips',
  collectionKey: 'reserved_ips',
  singleKey: 'reserved_ip',
  idOf: (r) => r.ip,
  nameOf: (r) => r.ip,
  urnPrefix: 'do:floatingip:',
  actions: ['assign', 'unassign'],
  paginated: true,
});

export const reservedIpv6 = defineKind<ReservedIpv6>({
  deletable: true,
  kind: 'reserved_ipv6',
  label: 'Reserved IPv6',
  pluralLabel: 'Reserved IPv6',
  path: '/v2/reserved_ipv6',
  collectionKey: 'reserved_ipv6s',
  singleKey: 'reserved_ipv6',
  idOf: (r) => r.ip,
  nameOf: (r) => r.ip,
  actions: ['assign', 'unassign'],
  paginated: true,
});

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

export const vpc = defineKind<Vpc>({
  deletable: true,
  kind: 'vpc',
  label: 'VPC',
  pluralLabel: 'VPCs',
  path: '/v2/vpcs',
  collectionKey: 'vpcs',
  singleKey: 'vpc',
  idOf: (v) => v.id,
  nameOf: (v) => v.name,
  paginated: true,
});
