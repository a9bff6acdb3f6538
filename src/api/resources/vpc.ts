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
  nameProblem: (value, taken = []) => {
    const name = value.trim();
    if (!name) return 'A name is required.';
    if (name.length > 255) return 'At most 255 characters.';
    if (!/^[a-zA-Z0-9.-]+$/.test(name)) return 'Only letters, digits, "-" and ".".';
    if (taken.includes(name)) return `A VPC named ${name} exists already in this account.`;
    return undefined;
  },
});
