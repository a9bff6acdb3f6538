import { type Volume, volume } from '../../api/resources/volume';
import { mdTable, perMonth, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

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
    return mdTable(`Volume ${v.name}`, [
      ['Size', `${v.size_gigabytes} GB`],
      ['Attached to', v.droplet_ids?.length ? v.droplet_ids.map((id) => ctx.dropletName(id) ?? String(id)).join(', ') : 'nothing'],
      ['Region', v.region.slug],
      ['Filesystem', [v.filesystem_type, v.filesystem_label].filter(Boolean).join(', ')],
      ['Monthly price', perMonth(this.monthlyCost!(v, ctx))],
      ['Created', relativeTime(v.created_at, ctx.now)],
      ['ID', v.id],
    ]);
  },
  region: (v) => v.region.slug,
  tags: (v) => v.tags ?? [],
  monthlyCost: (v) => v.size_gigabytes * VOLUME_GB_MONTH,
  consoleUrl: () => `${CONTROL_PANEL}/volumes`,
};
