import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

/** Who may mount an access point's path, and as whom. */
export interface NfsAccessPolicy {
  anonuid: number;
  anongid: number;
  protocols: ('NFS4' | 'NFS')[];
  squash_config: 'NO_SQUASH' | 'ROOT_SQUASH' | 'ALL_SQUASH';
  identity_enforcement_enabled: boolean;
}

/** A path of a share offered to one VPC, with its access policy. */
export interface NfsAccessPoint {
  id: string;
  name: string;
  share_id: string;
  path: string;
  status: 'ACCESS_POINT_CREATING' | 'ACCESS_POINT_ACTIVE' | 'ACCESS_POINT_FAILED' | 'ACCESS_POINT_DELETED';
  access_policy: NfsAccessPolicy;
  created_at: string;
  updated_at?: string;
  is_default: boolean;
  vpc_id?: string;
}

/** A network file storage share: a size in a region, mounted over NFS from the VPCs it is attached to. */
export interface NfsShare {
  id: string;
  name: string;
  size_gib: number;
  region: string;
  status: 'CREATING' | 'ACTIVE' | 'INACTIVE' | 'FAILED' | 'DELETED';
  created_at: string;
  vpc_ids?: string[];
  performance_tier?: string;
  mount_path?: string;
  host?: string;
  access_points?: NfsAccessPoint[];
}

export interface NfsSnapshot {
  id: string;
  name: string;
  size_gib: number;
  region: string;
  status: 'UNKNOWN' | 'CREATING' | 'ACTIVE' | 'FAILED' | 'DELETED';
  created_at: string;
  share_id: string;
}

/** The smallest share the API makes. */
export const NFS_MIN_GIB = 50;

/** Share names: lowercase letters, digits and "-", starting with a letter, at most 64. */
export function nfsNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 64) return l10n.t('At most 64 characters.');
  if (!/^[a-z][a-z0-9-]*$/.test(value)) return l10n.t('Lowercase letters, digits and "-", starting with a letter.');
  return taken.includes(value) ? l10n.t('The account has a share named {0} already.', value) : undefined;
}

/**
 * The command that mounts a share on a droplet in one of its VPCs. Host and path come from the
 * API: only a host name or address and an absolute path are put in the command, else undefined.
 */
export function nfsMountCommand(share: Pick<NfsShare, 'host' | 'mount_path' | 'name'>): string | undefined {
  const { host, mount_path: path, name } = share;
  if (!host || !path || !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(host) || !/^\/[A-Za-z0-9._/-]*$/.test(path) || !/^[a-z][a-z0-9-]*$/.test(name)) return undefined;
  return `sudo mkdir -p /mnt/${name} && sudo mount -t nfs4 -o nconnect=16 ${host}:${path} /mnt/${name}`;
}

export const nfsShare = defineKind<NfsShare>({
  kind: 'nfs_share',
  label: l10n.t('NFS share'),
  pluralLabel: l10n.t('NFS shares'),
  path: '/v2/nfs',
  collectionKey: 'shares',
  singleKey: 'share',
  idOf: (s) => s.id,
  nameOf: (s) => s.name,
  paginated: false,
  deletable: true,
  heavyDelete: true,
  deleteNote: () => l10n.t('Its files are lost; droplets that mount it lose it. Its snapshots stay.'),
  nameProblem: nfsNameProblem,
});
