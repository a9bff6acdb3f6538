import { type Snapshot, snapshot } from '../../api/resources/snapshot';
import { mdTable, perMonth, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

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
    return mdTable(l10n.t('Snapshot {0}', s.name), [
      [l10n.t('Of'), `${s.resource_type} ${s.resource_id}`],
      [l10n.t('Size'), l10n.t('{0} GB (needs a {1} GB disk)', s.size_gigabytes, s.min_disk_size)],
      [l10n.t('Regions'), s.regions.join(', ')],
      [l10n.t('Monthly price'), perMonth(this.monthlyCost!(s, ctx))],
      [l10n.t('Created'), relativeTime(s.created_at, ctx.now)],
      ['ID', s.id],
    ]);
  },
  // droplet snapshots are images: they move between accounts
  flags: (s) => (s.resource_type === 'droplet' ? ['droplet-snapshot'] : []),
  region: (s) => s.regions[0],
  tags: (s) => s.tags ?? [],
  monthlyCost: (s) => s.size_gigabytes * SNAPSHOT_GB_MONTH,
  consoleUrl: (s) => `${CONTROL_PANEL}/images/snapshots/${s.resource_type === 'volume' ? 'volumes' : 'droplets'}`,
};
