import { type Image, image } from '../../api/resources/image';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const imagePresenter: Presenter<Image> = {
  kind: image,
  placement: 'account',
  groupOrder: 120,
  icon: 'file-media',
  listQuery: { private: true },
  style: (i) => ({ state: i.status, color: i.status === 'available' ? undefined : 'charts.yellow' }),
  transitional: (i) => i.status === 'NEW' || i.status === 'pending',
  description: (i) =>
    [i.distribution, i.size_gigabytes ? `${i.size_gigabytes} GB` : undefined, i.regions.join(', '), i.status === 'available' ? undefined : i.status]
      .filter(Boolean)
      .join(' · '),
  tooltip: (i, ctx) =>
    mdTable(l10n.t('Custom image {0}', i.name), [
      [l10n.t('Distribution'), i.distribution],
      [l10n.t('Status'), i.status],
      [l10n.t('Size'), i.size_gigabytes ? `${i.size_gigabytes} GB` : undefined],
      [l10n.t('Regions'), i.regions.join(', ')],
      [l10n.t('Description'), i.description],
      [l10n.t('Created'), relativeTime(i.created_at, ctx.now)],
      ['ID', i.id],
    ]),
  region: (i) => i.regions[0],
  tags: (i) => i.tags ?? [],
  consoleUrl: () => `${CONTROL_PANEL}/images/custom_images`,
};
