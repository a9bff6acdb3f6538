import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

/** A VPC's way out to the internet: its resources reach out through the gateway's public address, and nothing reaches in. */
export interface NatGateway {
  id: string;
  name: string;
  type: 'PUBLIC';
  state: 'NEW' | 'PROVISIONING' | 'ACTIVE' | 'DELETING' | 'ERROR' | 'INVALID';
  region: string;
  /** The gateway's size: its number of vCPUs. */
  size: number;
  /** The VPCs it serves, each with the private address of the gateway in it. */
  vpcs: { vpc_uuid: string; gateway_ip?: string; default_gateway?: boolean }[];
  egresses?: { public_gateways?: { ipv4: string }[] };
  udp_timeout_seconds?: number;
  icmp_timeout_seconds?: number;
  tcp_timeout_seconds?: number;
  created_at: string;
  updated_at?: string;
}

/** The sizes the wizard offers (vCPUs): DigitalOcean's documentation names 1, 2 and 4. */
export const NAT_GATEWAY_SIZES = [1, 2, 4] as const;

/** The idle time after which a connection's translation is dropped, when none is chosen. */
export const DEFAULT_NAT_TIMEOUT_SECONDS = 30;

/** A name the API takes: letters, digits, "-" and "." (as for VPCs), unique in the account. */
export function natGatewayNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  const name = value.trim();
  if (!name) return l10n.t('A name is required.');
  if (name.length > 255) return l10n.t('At most 255 characters.');
  if (!/^[a-zA-Z0-9.-]+$/.test(name)) return l10n.t('Only letters, digits, "-" and ".".');
  if (taken.includes(name)) return l10n.t('A NAT gateway named {0} exists already in this account.', name);
  return undefined;
}

/** A timeout in whole seconds, from 1 second to 1 day. */
export function natTimeoutProblem(value: string): string | undefined {
  const v = value.trim();
  if (!/^\d+$/.test(v)) return l10n.t('A whole number of seconds.');
  const n = Number(v);
  if (n < 1 || n > 86_400) return l10n.t('From 1 to 86400 seconds (a day).');
  return undefined;
}

/** The gateway's public addresses: what the world sees its VPCs' traffic come from. */
export function natPublicIps(g: Pick<NatGateway, 'egresses'>): string[] {
  return (g.egresses?.public_gateways ?? []).map((p) => p.ipv4).filter(Boolean);
}

/** "web-vpc-nat": a name the API takes, from the VPC the gateway serves. */
export function suggestedNatGatewayName(vpcName: string, taken: readonly string[] = []): string {
  const base =
    `${vpcName}-nat`
      .replace(/[^a-zA-Z0-9.-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+/, '')
      .slice(0, 250) || 'nat';
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}

/** The body of a PUT: the API wants the whole gateway back, with what changes. */
export function natGatewayUpdate(
  g: NatGateway,
  change: Partial<Pick<NatGateway, 'name' | 'size' | 'udp_timeout_seconds' | 'icmp_timeout_seconds' | 'tcp_timeout_seconds'>>,
) {
  return {
    name: g.name,
    size: g.size,
    vpcs: g.vpcs.map((v) => ({ vpc_uuid: v.vpc_uuid, ...(v.default_gateway !== undefined ? { default_gateway: v.default_gateway } : {}) })),
    udp_timeout_seconds: g.udp_timeout_seconds ?? DEFAULT_NAT_TIMEOUT_SECONDS,
    icmp_timeout_seconds: g.icmp_timeout_seconds ?? DEFAULT_NAT_TIMEOUT_SECONDS,
    tcp_timeout_seconds: g.tcp_timeout_seconds ?? DEFAULT_NAT_TIMEOUT_SECONDS,
    ...change,
  };
}

export const natGateway = defineKind<NatGateway>({
  deletable: true,
  kind: 'vpc_nat_gateway',
  label: l10n.t('NAT gateway'),
  pluralLabel: l10n.t('NAT gateways'),
  path: '/v2/vpc_nat_gateways',
  collectionKey: 'vpc_nat_gateways',
  singleKey: 'vpc_nat_gateway',
  idOf: (g) => g.id,
  nameOf: (g) => g.name,
  paginated: true,
  nameProblem: natGatewayNameProblem,
});
