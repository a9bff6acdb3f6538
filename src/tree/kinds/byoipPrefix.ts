import { type ByoipPrefix, byoipPrefix } from '../../api/resources/byoipPrefix';
import { byoipAllocations } from '../../api/networkEdge';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

const failedChecks = (p: ByoipPrefix) => (p.validations ?? []).filter((v) => v.status.toUpperCase() === 'FAILED');

export const byoipPrefixPresenter: Presenter<ByoipPrefix> = {
  kind: byoipPrefix,
  placement: 'account',
  groupOrder: 153,
  icon: 'symbol-numeric',
  style: (p) => ({
    state: p.status,
    icon: failedChecks(p).length || p.failure_reason ? 'warning' : undefined,
    color: p.status === 'active' ? undefined : 'charts.yellow',
  }),
  region: (p) => p.region,
  description: (p) =>
    [p.name ? p.prefix : undefined, p.region, p.status === 'active' ? undefined : p.status, p.advertised ? l10n.t('advertised') : l10n.t('not advertised')]
      .filter(Boolean)
      .join(' · '),
  tooltip: (p) =>
    mdTable(l10n.t('BYOIP prefix {0}', p.prefix), [
      [l10n.t('Status'), p.status],
      [l10n.t('Region'), p.region],
      [l10n.t('Advertised'), p.advertised ? 'yes' : 'no'],
      [l10n.t('Locked'), p.locked ? 'yes' : undefined],
      [l10n.t('Checks'), (p.validations ?? []).map((v) => `${v.name}: ${v.status}${v.note ? ` (${v.note})` : ''}`).join(', ')],
      [l10n.t('Failure'), p.failure_reason || undefined],
      ['ID', p.uuid],
    ]),
  // its addresses given to resources, by the resource's URN
  async children(p, _parents, ctx) {
    const ips = await ctx.read((client) => byoipAllocations(client, p.uuid));
    if (!ips.length) return [ctx.message(`${p.uuid}:no-ips`, l10n.t('No addresses in use'))];
    return ips.map((a) => ctx.message(`${p.uuid}:ip:${a.id}`, a.ip ?? String(a.id), [a.resource, a.region].filter(Boolean).join(' · '), 'symbol-numeric'));
  },
  consoleUrl: () => `${CONTROL_PANEL}/networking/byoip`,
};
