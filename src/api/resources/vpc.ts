import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

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
    if (!name) return l10n.t('A name is required.');
    if (name.length > 255) return l10n.t('At most 255 characters.');
    if (!/^[a-zA-Z0-9.-]+$/.test(name)) return l10n.t('Only letters, digits, "-" and ".".');
    if (taken.includes(name)) return l10n.t('A VPC named {0} exists already in this account.', name);
    return undefined;
  },
});
