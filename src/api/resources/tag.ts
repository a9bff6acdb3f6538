import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface Tag {
  name: string;
  resources: { count: number; last_tagged_uri?: string };
}

export const tag = defineKind<Tag>({
  // deleting a tag takes it off every resource that carries it; the resources stay
  deletable: true,
  deleteNote: (t) =>
    t.resources.count > 1
      ? l10n.t('It comes off the {0} resources that carry it; they stay as they are.', t.resources.count)
      : t.resources.count === 1
        ? l10n.t('It comes off the one resource that carries it, which stays as it is.')
        : l10n.t('No resource carries it.'),
  nameProblem: tagNameProblem,
  kind: 'tag',
  label: l10n.t('Tag'),
  pluralLabel: l10n.t('Tags'),
  path: '/v2/tags',
  collectionKey: 'tags',
  singleKey: 'tag',
  idOf: (t) => t.name,
  nameOf: (t) => t.name,
  paginated: true,
});

export function tagNameProblem(value: string): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 255) return l10n.t('At most 255 characters.');
  return /^[a-zA-Z0-9_:-]+$/.test(value) ? undefined : l10n.t('Letters, digits, "_", ":" and "-" only.');
}
