import { type NfsShare, nfsShare } from '../../api/resources/nfsShare';
import { vpc } from '../../api/resources/vpc';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter, type PresentContext } from './presenter';
import * as l10n from '@vscode/l10n';

const vpcNames = (s: NfsShare, ctx: PresentContext) => (s.vpc_ids ?? []).map((id) => ctx.vpcName(id) ?? id.slice(0, 8));

export const nfsSharePresenter: Presenter<NfsShare> = {
  kind: nfsShare,
  placement: 'account',
  groupOrder: 106,
  // the VPCs it is attached to are named from the account's list
  alongside: [vpc],
  icon: 'file-submodule',
  style: (s) => ({
    state: s.status.toLowerCase(),
    icon: s.status === 'CREATING' ? 'loading~spin' : s.status === 'FAILED' ? 'error' : undefined,
    color: s.status === 'FAILED' ? 'charts.red' : undefined,
  }),
  transitional: (s) => s.status === 'CREATING',
  region: (s) => s.region,
  description: (s, ctx) =>
    [`${s.size_gib} GiB`, s.region, vpcNames(s, ctx).join(', ') || l10n.t('no VPC'), s.status === 'ACTIVE' ? undefined : s.status.toLowerCase()]
      .filter(Boolean)
      .join(' · '),
  tooltip: (s, ctx) =>
    mdTable(l10n.t('NFS share {0}', s.name), [
      [l10n.t('Size'), `${s.size_gib} GiB`],
      [l10n.t('Region'), s.region],
      [l10n.t('VPCs'), vpcNames(s, ctx).join(', ')],
      [l10n.t('Mount'), s.host && s.mount_path ? `${s.host}:${s.mount_path}` : undefined],
      [l10n.t('Performance tier'), s.performance_tier],
      [l10n.t('Status'), s.status.toLowerCase()],
      [l10n.t('Created'), relativeTime(s.created_at, ctx.now)],
      ['ID', s.id],
    ]),
  consoleUrl: () => `${CONTROL_PANEL}/nfs`,
};
