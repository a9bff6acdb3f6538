import { type Image, type Snapshot, type Volume, image, snapshot, volume } from '../../api';
import { mdTable, perMonth, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

/** Block storage is $0.10 per GiB-month; snapshots $0.06 per GiB-month. */
const VOLUME_GB_MONTH = 0.1;
const SNAPSHOT_GB_MONTH = 0.06;

export const volumePresenter: Presenter<Volume> = {
  kind: volume,
  placement: 'project',
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

export const snapshotPresenter: Presenter<Snapshot> = {
  kind: snapshot,
  placement: 'account',
  icon: 'device-camera',
  description(s, ctx) {
    return [s.resource_type, `${s.size_gigabytes} GB`, s.regions.join(', '), relativeTime(s.created_at, ctx.now)].join(' · ');
  },
  tooltip(s, ctx) {
    return mdTable(`Snapshot ${s.name}`, [
      ['Of', `${s.resource_type} ${s.resource_id}`],
      ['Size', `${s.size_gigabytes} GB (needs a ${s.min_disk_size} GB disk)`],
      ['Regions', s.regions.join(', ')],
      ['Monthly price', perMonth(this.monthlyCost!(s, ctx))],
      ['Created', relativeTime(s.created_at, ctx.now)],
      ['ID', s.id],
    ]);
  },
  region: (s) => s.regions[0],
  tags: (s) => s.tags ?? [],
  monthlyCost: (s) => s.size_gigabytes * SNAPSHOT_GB_MONTH,
  consoleUrl: (s) => `${CONTROL_PANEL}/images/snapshots/${s.resource_type === 'volume' ? 'volumes' : 'droplets'}`,
};

export const imagePresenter: Presenter<Image> = {
  kind: image,
  placement: 'account',
  icon: 'file-media',
  listQuery: { private: true },
  style: (i) => ({ state: i.status, color: i.status === 'available' ? undefined : 'charts.yellow' }),
  transitional: (i) => i.status === 'NEW' || i.status === 'pending',
  description: (i) => [i.distribution, i.size_gigabytes ? `${i.size_gigabytes} GB` : undefined, i.regions.join(', '), i.status === 'available' ? undefined : i.status].filter(Boolean).join(' · '),
  tooltip: (i, ctx) =>
    mdTable(`Custom image ${i.name}`, [
      ['Distribution', i.distribution],
      ['Status', i.status],
      ['Size', i.size_gigabytes ? `${i.size_gigabytes} GB` : undefined],
      ['Regions', i.regions.join(', ')],
      ['Description', i.description],
      ['Created', relativeTime(i.created_at, ctx.now)],
      ['ID', i.id],
    ]),
  region: (i) => i.regions[0],
  tags: (i) => i.tags ?? [],
  consoleUrl: () => `${CONTROL_PANEL}/images/custom_images`,
};
