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
