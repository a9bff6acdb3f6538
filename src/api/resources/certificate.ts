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
  nameProblem: (value, taken = []) => certificateNameProblem(value, taken),
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

/** Certificate names: letters, digits, "-" and ".", at most 255. */
export function certificateNameProblem(value: string, taken: readonly string[]): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 255) return l10n.t('At most 255 characters.');
  if (!/^[a-zA-Z0-9][a-zA-Z0-9.-]*$/.test(value)) return l10n.t('Letters, digits, "-" and ".", starting with a letter or digit.');
  return taken.includes(value) ? l10n.t('A certificate named {0} exists already.', value) : undefined;
}
