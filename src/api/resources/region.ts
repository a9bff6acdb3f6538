import { defineKind, type Region } from './descriptor';
import * as l10n from '@vscode/l10n';

/** `/v2/regions`: the datacenter regions, with whether they take new resources. */
export const region = defineKind<Region>({
  kind: 'region',
  label: l10n.t('Region'),
  pluralLabel: l10n.t('Regions'),
  path: '/v2/regions',
  collectionKey: 'regions',
  singleKey: 'region',
  idOf: (r) => r.slug,
  nameOf: (r) => r.name,
  paginated: true,
});
