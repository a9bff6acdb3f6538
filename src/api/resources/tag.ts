import { defineKind } from './descriptor';

export interface Tag {
  name: string;
  resources: { count: number; last_tagged_uri?: string };
}

export const tag = defineKind<Tag>({
  nameProblem: tagNameProblem,
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

export function tagNameProblem(value: string): string | undefined {
  if (!value) return 'A name is required.';
  if (value.length > 255) return 'At most 255 characters.';
  return /^[a-zA-Z0-9_:-]+$/.test(value) ? undefined : 'Letters, digits, "_", ":" and "-" only.';
}
