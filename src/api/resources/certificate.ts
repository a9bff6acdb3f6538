import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface Certificate {
  id: string;
  name: string;
  not_after: string;
  sha1_fingerprint: string;
  created_at: string;
  dns_names: string[];
  state: 'pending' | 'verified' | 'error';
  type: 'custom' | 'lets_encrypt';
}

export const certificate = defineKind<Certificate>({
  deletable: true,
  kind: 'certificate',
  label: l10n.t('Certificate'),
  pluralLabel: l10n.t('Certificates'),
  path: '/v2/certificates',
  collectionKey: 'certificates',
  singleKey: 'certificate',
  idOf: (c) => c.id,
  nameOf: (c) => c.name,
  paginated: true,
});
