import { defineKind, type Region } from './descriptor';

export interface Volume {
  id: string;
  name: string;
  region: Region;
  droplet_ids: number[];
  description?: string;
  size_gigabytes: number;
  created_at: string;
  filesystem_type?: string;
  filesystem_label?: string;
  tags?: string[];
}

export const volume = defineKind<Volume>({
  kind: 'volume',
  tagResourceType: () => 'volume',
  label: 'Volume',
  pluralLabel: 'Volumes',
  path: '/v2/volumes',
  collectionKey: 'volumes',
  singleKey: 'volume',
  idOf: (v) => v.id,
  nameOf: (v) => v.name,
  urnPrefix: 'do:volume:',
  actions: ['attach', 'detach', 'resize'],
  paginated: true,
});
