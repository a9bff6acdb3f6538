import { defineKind, type Region } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface Volume {
  id: string;
  name: string;
  region: Region;
  droplet_ids: number[];
  description?: string;
  size_gigabytes: number;
  created_at: string;
  filesystem_type?: string;
  filesystem_label?: string;
  tags?: string[];
}

export const volume = defineKind<Volume>({
  nameProblem: volumeNameProblem,
  kind: 'volume',
  tagResourceType: () => 'volume',
  label: l10n.t('Volume'),
  pluralLabel: l10n.t('Volumes'),
  path: '/v2/volumes',
  collectionKey: 'volumes',
  singleKey: 'volume',
  idOf: (v) => v.id,
  nameOf: (v) => v.name,
  urnPrefix: 'do:volume:',
  actions: ['attach', 'detach', 'resize'],
  paginated: true,
});

/** Volume names: a lowercase letter first, then lowercase letters, digits and dashes, at most 64. */
export function volumeNameProblem(value: string): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 64) return l10n.t('At most 64 characters.');
  if (!/^[a-z]/.test(value)) return l10n.t('Start with a lowercase letter.');
  if (!/^[a-z0-9-]+$/.test(value)) return l10n.t('Only lowercase letters, digits and dashes (-).');
  return undefined;
}

/** The largest volume DigitalOcean makes, in GiB. */
export const MAX_VOLUME_GB = 16_384;

/** A size in GB, whole, above `min`, at most 16 TB. */
export function volumeSizeProblem(value: string, min = 0): string | undefined {
  if (!/^\d+$/.test(value.trim())) return l10n.t('A whole number of GB.');
  const size = Number(value);
  if (size <= min) return min ? l10n.t('A volume can only grow: more than {0} GB.', min) : l10n.t('At least 1 GB.');
  if (size > MAX_VOLUME_GB) return l10n.t('At most {0} GB.', MAX_VOLUME_GB);
  return undefined;
}
