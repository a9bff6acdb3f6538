import { defineKind, type Region } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface DropletSize {
  slug: string;
  memory: number;
  vcpus: number;
  disk: number;
  transfer: number;
  price_monthly: number;
  price_hourly: number;
  regions: string[];
  available: boolean;
  description: string;
}

export interface DropletNetwork {
  ip_address: string;
  netmask: string | number;
  gateway: string;
  type: 'public' | 'private';
}

export interface Droplet {
  id: number;
  name: string;
  memory: number;
  vcpus: number;
  disk: number;
  locked: boolean;
  status: 'new' | 'active' | 'off' | 'archive';
  created_at: string;
  features: string[];
  backup_ids: number[];
  snapshot_ids: number[];
  volume_ids: string[];
  image: { id: number; name: string; distribution?: string; slug?: string | null; type?: string };
  size: DropletSize;
  size_slug: string;
  networks: { v4: DropletNetwork[]; v6: DropletNetwork[] };
  region: Region;
  tags: string[];
  vpc_uuid?: string;
  next_backup_window?: { start: string; end: string } | null;
}

export const DROPLET_ACTIONS = [
  'enable_backups',
  'disable_backups',
  'reboot',
  'power_cycle',
  'shutdown',
  'power_off',
  'power_on',
  'restore',
  'password_reset',
  'resize',
  'rebuild',
  'rename',
  'change_kernel',
  'enable_ipv6',
  'snapshot',
] as const;
export type DropletActionType = (typeof DROPLET_ACTIONS)[number];

export const droplet = defineKind<Droplet>({
  nameProblem: dropletNameProblem,
  kind: 'droplet',
  tagResourceType: () => 'droplet',
  label: l10n.t('Droplet'),
  pluralLabel: l10n.t('Droplets'),
  path: '/v2/droplets',
  collectionKey: 'droplets',
  singleKey: 'droplet',
  idOf: (d) => String(d.id),
  nameOf: (d) => d.name,
  urnPrefix: 'do:droplet:',
  actions: DROPLET_ACTIONS,
  paginated: true,
});

export function publicIpv4(d: Droplet): string | undefined {
  return d.networks.v4.find((n) => n.type === 'public')?.ip_address;
}

/** `/v2/sizes`: the droplet sizes with their prices. */
export const dropletSize = defineKind<DropletSize>({
  kind: 'size',
  label: l10n.t('Size'),
  pluralLabel: l10n.t('Sizes'),
  path: '/v2/sizes',
  collectionKey: 'sizes',
  singleKey: 'size',
  idOf: (s) => s.slug,
  nameOf: (s) => s.slug,
  paginated: true,
});

/** A droplet (host) name: letters, digits, dots and dashes, 1–255 characters. */
export function dropletNameProblem(value: string): string | undefined {
  const name = value.trim();
  if (!name) return l10n.t('A name is required.');
  if (name.length > 255) return l10n.t('At most 255 characters.');
  if (!/^[a-zA-Z0-9.-]+$/.test(name)) return l10n.t('Only letters, digits, dots (.) and dashes (-).');
  if (/^[.-]|[.-]$/.test(name)) return l10n.t('A name cannot start or end with a dot or a dash.');
  return undefined;
}
