import { type Snapshot, snapshot } from '../../api/resources/snapshot';
import { mdTable, perMonth, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

const SNAPSHOT_GB_MONTH = 0.06;

export const snapshotPresenter: Presenter<Snapshot> = {
  kind: snapshot,
  placement: 'account',
  groupOrder: 110,
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
