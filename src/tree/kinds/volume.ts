import { type Volume, volume } from '../../api/resources/volume';
import { mdTable, perMonth, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

/** Block storage is $0.10 per GiB-month; snapshots $0.06 per GiB-month. */
const VOLUME_GB_MONTH = 0.1;

export const volumePresenter: Presenter<Volume> = {
  kind: volume,
  placement: 'project',
  groupOrder: 50,
  icon: 'save',
  style: (v) => ({ state: v.droplet_ids?.length ? 'attached' : 'unattached' }),
  description(v, ctx) {
    const attached = v.droplet_ids?.length ? `→ ${ctx.dropletName(v.droplet_ids[0]) ?? v.droplet_ids[0]}` : 'unattached';
    return [`${v.size_gigabytes} GB`, attached, v.region.slug, perMonth(this.monthlyCost!(v, ctx))].join(' · ');
  },
  tooltip(v, ctx) {
    return mdTable(l10n.t('Volume {0}', v.name), [
      [l10n.t('Size'), `${v.size_gigabytes} GB`],
      [l10n.t('Attached to'), v.droplet_ids?.length ? v.droplet_ids.map((id) => ctx.dropletName(id) ?? String(id)).join(', ') : 'nothing'],
      [l10n.t('Region'), v.region.slug],
      [l10n.t('Filesystem'), [v.filesystem_type, v.filesystem_label].filter(Boolean).join(', ')],
      [l10n.t('Monthly price'), perMonth(this.monthlyCost!(v, ctx))],
      [l10n.t('Created'), relativeTime(v.created_at, ctx.now)],
      ['ID', v.id],
    ]);
  },
  region: (v) => v.region.slug,
  tags: (v) => v.tags ?? [],
  monthlyCost: (v) => v.size_gigabytes * VOLUME_GB_MONTH,
  consoleUrl: () => `${CONTROL_PANEL}/volumes`,
};
