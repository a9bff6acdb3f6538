import { type PartnerAttachment, partnerAttachment } from '../../api/resources/partnerAttachment';
import { vpc } from '../../api/resources/vpc';
import { partnerRemoteRoutes } from '../../api/networkEdge';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

const speed = (mbps: number) => (mbps >= 1000 ? `${mbps / 1000} Gbps` : `${mbps} Mbps`);

export const partnerAttachmentPresenter: Presenter<PartnerAttachment> = {
  kind: partnerAttachment,
  placement: 'account',
  groupOrder: 154,
  // its VPCs are named from the account's list
  alongside: [vpc],
  icon: 'remote-explorer',
  style: (a) => ({
    state: a.state.toLowerCase(),
    icon: a.state.toLowerCase() === 'active' ? undefined : 'loading~spin',
  }),
  transitional: (a) => ['pending', 'provisioning', 'deleting'].includes(a.state.toLowerCase()),
  description: (a, ctx) =>
    [
      a.naas_provider,
      a.region,
      speed(a.connection_bandwidth_in_mbps),
      a.vpc_ids.map((id) => ctx.vpcName(id) ?? id.slice(0, 8)).join(', '),
      a.state.toLowerCase() === 'active' ? undefined : a.state,
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (a, ctx) =>
    mdTable(l10n.t('Partner attachment {0}', a.name), [
      [l10n.t('State'), a.state],
      [l10n.t('Partner'), a.naas_provider],
      [l10n.t('Metro'), a.region],
      [l10n.t('Bandwidth'), speed(a.connection_bandwidth_in_mbps)],
      [l10n.t('VPCs'), a.vpc_ids.map((id) => ctx.vpcName(id) ?? id).join(', ')],
      ['BGP', a.bgp ? `AS${a.bgp.local_asn ?? '?'} ${a.bgp.local_router_ip ?? ''} ↔ AS${a.bgp.peer_asn ?? '?'} ${a.bgp.peer_router_ip ?? ''}` : undefined],
      [l10n.t('Created'), relativeTime(a.created_at, ctx.now)],
      ['ID', a.id],
    ]),
  // the networks the partner's side announces
  async children(a, _parents, ctx) {
    const routes = await ctx.read((client) => partnerRemoteRoutes(client, a.id));
    if (!routes.length) return [ctx.message(`${a.id}:no-routes`, l10n.t('No routes learned from the partner yet'))];
    return routes.map((cidr) => ctx.message(`${a.id}:route:${cidr}`, cidr, l10n.t('route from the partner'), 'type-hierarchy'));
  },
  consoleUrl: () => `${CONTROL_PANEL}/networking/partner_network_connect`,
};
