/** The NFS share panel: size, region, where to mount it, its VPCs, access points and snapshots. */
import { nfsAccessPoints, nfsSnapshots } from '../../api/nfs';
import { type NfsShare, nfsMountCommand } from '../../api/resources/nfsShare';
import { vpc } from '../../api/resources/vpc';
import type { CellView, SectionView } from '../protocol';
import { type PanelBuilder, fields, plain, tolerant, when } from './builder';
import * as l10n from '@vscode/l10n';

export const nfsSharePanel: PanelBuilder<NfsShare> = {
  kind: 'nfs_share',
  buttons: () => [
    { id: 'mount', label: l10n.t('Copy Mount Command'), command: 'digitalocean.nfs.copyMountCommand', primary: true },
    { id: 'resize', label: l10n.t('Resize…'), command: 'digitalocean.nfs.resize' },
    { id: 'snapshot', label: l10n.t('Take Snapshot…'), command: 'digitalocean.nfs.snapshot' },
    { id: 'attach', label: l10n.t('Attach to VPC…'), command: 'digitalocean.nfs.attach' },
    { id: 'access-point', label: l10n.t('Add Access Point…'), command: 'digitalocean.nfs.createAccessPoint' },
  ],
  async sections(s, ctx) {
    const mount = nfsMountCommand(s);
    const overview = fields('overview', l10n.t('Overview'), [
      plain(l10n.t('Status'), s.status.toLowerCase()),
      plain(l10n.t('Size'), `${s.size_gib} GiB`),
      plain(l10n.t('Region'), s.region),
      plain(l10n.t('Performance tier'), s.performance_tier),
      ctx.parts.copyable(l10n.t('Mount'), s.host && s.mount_path ? `${s.host}:${s.mount_path}` : undefined),
      ...(mount ? [ctx.parts.copyable(l10n.t('Mount command'), mount)] : []),
      plain(l10n.t('Created'), when(s.created_at, ctx.now)),
      ctx.parts.copyable('ID', s.id),
    ]);
    const vpcRows: CellView[][] = [];
    for (const id of s.vpc_ids ?? []) {
      const target = await ctx.find(vpc as never, id).catch(() => undefined);
      vpcRows.push([target ? ctx.parts.resourceLink(target.presenter.kind.nameOf(target.item as never), target) : { text: id }]);
    }
    const vpcs: SectionView = {
      type: 'table',
      id: 'vpcs',
      title: l10n.t('VPCs'),
      columns: ['VPC'],
      rows: vpcRows,
      empty: l10n.t('Attached to no VPC: nothing can mount it'),
    };
    const points = await tolerant('access-points', l10n.t('Access points'), async () => ({
      type: 'table',
      id: 'access-points',
      title: l10n.t('Access points'),
      columns: [l10n.t('Name'), l10n.t('Path'), l10n.t('Squash'), l10n.t('Status')],
      rows: (await ctx.memo('access-points', 30_000, () => nfsAccessPoints(ctx.cache.client, s.id, ctx.signal))).map((a) => [
        a.name,
        a.path,
        a.access_policy.squash_config.toLowerCase().replace('_', ' '),
        {
          text: a.status.replace('ACCESS_POINT_', '').toLowerCase(),
          tone: a.status === 'ACCESS_POINT_ACTIVE' ? 'ok' : a.status === 'ACCESS_POINT_FAILED' ? 'error' : 'busy',
        } as CellView,
      ]),
      empty: l10n.t('No access points'),
    }));
    const snapshots = await tolerant('snapshots', l10n.t('Snapshots'), async () => ({
      type: 'table',
      id: 'snapshots',
      title: l10n.t('Snapshots'),
      columns: [l10n.t('Name'), l10n.t('Size'), l10n.t('Taken'), l10n.t('Status')],
      rows: (await ctx.memo('snapshots', 30_000, () => nfsSnapshots(ctx.cache.client, s.region, s.id, ctx.signal))).map((x) => [
        x.name,
        `${x.size_gib} GiB`,
        when(x.created_at, ctx.now),
        x.status.toLowerCase(),
      ]),
      empty: l10n.t('No snapshots'),
    }));
    return [overview, vpcs, ...points, ...snapshots];
  },
};
