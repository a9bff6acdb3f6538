import { defineKind } from './descriptor';

export interface Tag {
  name: string;
  resources: { count: number; last_tagged_uri?: string };
}

export const tag = defineKind<Tag>({
  kind: 'tag',
  label: 'Tag',
  pluralLabel: 'Tags',
  path: '/v2/tags',
  collectionKey: 'tags',
  singleKey: 'tag',
  idOf: (t) => t.name,
  nameOf: (t) => t.name,
  paginated: true,
});
