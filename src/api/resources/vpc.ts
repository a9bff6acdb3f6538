import { defineKind } from './descriptor';

export interface Vpc {
  id: string;
  name: string;
  region: string;
  ip_range: string;
  description?: string;
  urn: string;
  default: boolean;
  created_at: string;
}

export const vpc = defineKind<Vpc>({
  deletable: true,
  kind: 'vpc',
  label: 'VPC',
  pluralLabel: 'VPCs',
  path: '/v2/vpcs',
  collectionKey: 'vpcs',
  singleKey: 'vpc',
  idOf: (v) => v.id,
  nameOf: (v) => v.name,
  paginated: true,
});
