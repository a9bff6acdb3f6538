import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface Firewall {
  id: string;
  name: string;
  status: 'waiting' | 'succeeded' | 'failed';
  created_at: string;
  droplet_ids: number[] | null;
  tags: string[] | null;
  inbound_rules: FirewallRule[] | null;
  outbound_rules: FirewallRule[] | null;
}

/** Who a rule lets in (inbound `sources`) or out to (outbound `destinations`). */
export interface FirewallEndpoints {
  addresses?: string[];
  droplet_ids?: number[];
  load_balancer_uids?: string[];
  kubernetes_ids?: string[];
  tags?: string[];
}

export interface FirewallRule {
  protocol: 'tcp' | 'udp' | 'icmp';
  /** "22", "8000-9000", or "0" for all; ignored for ICMP. */
  ports?: string;
  sources?: FirewallEndpoints;
  destinations?: FirewallEndpoints;
}

/** The API's name rule: a letter or digit, then letters, digits, "." and "-" (at least two characters). */
export function firewallNameProblem(value: string): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 255) return l10n.t('At most 255 characters.');
  return /^[a-zA-Z0-9][a-zA-Z0-9.-]+$/.test(value)
    ? undefined
    : l10n.t('At least two characters: letters, digits, "." and "-", starting with a letter or digit.');
}

/** A port, a range "8000-9000", or "0" (all ports): what a TCP or UDP rule takes. */
export function firewallPortsProblem(ports: string): string | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports.trim());
  const ok =
    m &&
    (ports.trim() === '0' || (Number(m[1]) >= 1 && Number(m[1]) <= 65535 && (m[2] === undefined || (Number(m[2]) >= Number(m[1]) && Number(m[2]) <= 65535))));
  return ok ? undefined : l10n.t('"{0}" is not a port (1–65535), a range like 8000-9000, or 0 for all ports.', ports);
}

export const firewall = defineKind<Firewall>({
  deletable: true,
  kind: 'firewall',
  label: l10n.t('Firewall'),
  pluralLabel: l10n.t('Firewalls'),
  path: '/v2/firewalls',
  collectionKey: 'firewalls',
  singleKey: 'firewall',
  idOf: (f) => f.id,
  nameOf: (f) => f.name,
  nameProblem: firewallNameProblem,
  paginated: true,
});
