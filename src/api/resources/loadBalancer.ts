import { defineKind, type Region } from './descriptor';
import * as l10n from '@vscode/l10n';

/** A regional load balancer costs $12 a month per node (size unit); the API publishes no LB prices. */
export const LB_NODE_MONTHLY_USD = 12;

/** Load balancer names: letters, digits, "-" and ".", starting with a letter or digit. */
export function loadBalancerNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 255) return l10n.t('At most 255 characters.');
  if (!/^[a-zA-Z0-9][a-zA-Z0-9.-]*$/.test(value)) return l10n.t('Letters, digits, "-" and ".", starting with a letter or digit.');
  return taken.includes(value) ? l10n.t('The account has a load balancer named {0} already.', value) : undefined;
}

export interface ForwardingRule {
  entry_protocol: 'http' | 'https' | 'http2' | 'http3' | 'tcp' | 'udp';
  entry_port: number;
  target_protocol: 'http' | 'https' | 'http2' | 'tcp' | 'udp';
  target_port: number;
  certificate_id?: string;
  tls_passthrough?: boolean;
}

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
  /** REGIONAL (the default), REGIONAL_NETWORK or GLOBAL (a global one has a CDN cache). */
  type?: 'REGIONAL' | 'REGIONAL_NETWORK' | 'GLOBAL';
  forwarding_rules: ForwardingRule[];
}

/** "https:443 → http:80". */
export function ruleText(r: ForwardingRule): string {
  return `${r.entry_protocol}:${r.entry_port} → ${r.target_protocol}:${r.target_port}${r.tls_passthrough ? ' (TLS passthrough)' : ''}`;
}

export const loadBalancer = defineKind<LoadBalancer>({
  deletable: true,
  kind: 'load_balancer',
  heavyDelete: true,
  label: l10n.t('Load balancer'),
  pluralLabel: l10n.t('Load balancers'),
  path: '/v2/load_balancers',
  collectionKey: 'load_balancers',
  singleKey: 'load_balancer',
  idOf: (l) => l.id,
  nameOf: (l) => l.name,
  nameProblem: loadBalancerNameProblem,
  urnPrefix: 'do:loadbalancer:',
  paginated: true,
});
