import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface Snapshot {
  id: string;
  name: string;
  created_at: string;
  regions: string[];
  resource_id: string;
  resource_type: 'droplet' | 'volume';
  min_disk_size: number;
  size_gigabytes: number;
  tags: string[] | null;
}

export const snapshot = defineKind<Snapshot>({
  nameProblem: snapshotNameProblem,
  deletable: true,
  kind: 'snapshot',
  // only volume snapshots can be tagged
  tagResourceType: (s) => (s.resource_type === 'volume' ? 'volume_snapshot' : undefined),
  label: l10n.t('Snapshot'),
  pluralLabel: l10n.t('Snapshots'),
  path: '/v2/snapshots',
  collectionKey: 'snapshots',
  singleKey: 'snapshot',
  idOf: (s) => s.id,
  nameOf: (s) => s.name,
  paginated: true,
});

export function snapshotNameProblem(value: string): string | undefined {
  if (!value.trim()) return l10n.t('A name is required.');
  if (value.length > 255) return l10n.t('At most 255 characters.');
  return undefined;
}
