import { defineKind, type Region } from './descriptor';

/** `/v2/regions`: the datacenter regions, with whether they take new resources. */
export const region = defineKind<Region>({
  kind: 'region',
  label: 'Region',
  pluralLabel: 'Regions',
  path: '/v2/regions',
  collectionKey: 'regions',
  singleKey: 'region',
  idOf: (r) => r.slug,
  nameOf: (r) => r.name,
  paginated: true,
});
