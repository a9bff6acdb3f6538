import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface Image {
  id: number;
  name: string;
  type: 'base' | 'snapshot' | 'backup' | 'custom' | 'admin';
  distribution: string;
  slug: string | null;
  public: boolean;
  regions: string[];
  created_at: string;
  min_disk_size: number | null;
  size_gigabytes: number | null;
  description?: string;
  tags?: string[] | null;
  status: 'NEW' | 'available' | 'pending' | 'deleted' | 'retired';
  error_message?: string;
}

/** Images as listed by `/v2/images`; the explorer asks for `private=true` to show custom ones. */
export const image = defineKind<Image>({
  deletable: true,
  kind: 'image',
  tagResourceType: () => 'image',
  label: l10n.t('Image'),
  pluralLabel: l10n.t('Custom images'),
  path: '/v2/images',
  collectionKey: 'images',
  singleKey: 'image',
  idOf: (i) => String(i.id),
  nameOf: (i) => i.name,
  actions: ['transfer', 'convert'],
  paginated: true,
});
