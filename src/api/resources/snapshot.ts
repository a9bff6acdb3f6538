import { defineKind } from './descriptor';

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
  label: 'Snapshot',
  pluralLabel: 'Snapshots',
  path: '/v2/snapshots',
  collectionKey: 'snapshots',
  singleKey: 'snapshot',
  idOf: (s) => s.id,
  nameOf: (s) => s.name,
  paginated: true,
});

export function snapshotNameProblem(value: string): string | undefined {
  if (!value.trim()) return 'A name is required.';
  if (value.length > 255) return 'At most 255 characters.';
  return undefined;
}
