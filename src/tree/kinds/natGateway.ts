import { type NatGateway, natGateway, natPublicIps } from '../../api/resources/natGateway';
import { vpc } from '../../api/resources/vpc';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter, type PresentContext } from './presenter';
import * as l10n from '@vscode/l10n';

/** The VPCs it serves by name when the account's VPCs are loaded, else by the start of their ids. */
const served = (g: NatGateway, ctx: PresentContext) => g.vpcs.map((v) => ctx.vpcName(v.vpc_uuid) ?? v.vpc_uuid.slice(0, 8));

const seconds = (n: number | undefined) => (n === undefined ? '—' : l10n.t('{0} s', n));

export const natGatewayPresenter: Presenter<NatGateway> = {
  kind: natGateway,
  placement: 'account',
  groupOrder: 152,
  alongside: [vpc],
  icon: 'export',
  style: (g) => ({
    state: g.state.toLowerCase(),
    icon: g.state === 'ACTIVE' ? undefined : g.state === 'ERROR' || g.state === 'INVALID' ? 'error' : 'loading~spin',
    color: g.state === 'ERROR' || g.state === 'INVALID' ? 'charts.red' : undefined,
  }),
  transitional: (g) => g.state === 'NEW' || g.state === 'PROVISIONING' || g.state === 'DELETING',
  region: (g) => g.region,
  ip: (g) => natPublicIps(g)[0],
  otherIps: (g) => [...natPublicIps(g).slice(1), ...g.vpcs.map((v) => v.gateway_ip ?? '').filter(Boolean)],
  description: (g, ctx) =>
    [served(g, ctx).join(', '), g.region, natPublicIps(g)[0], g.state === 'ACTIVE' ? undefined : g.state.toLowerCase()].filter(Boolean).join(' · '),
  tooltip: (g, ctx) =>
    mdTable(l10n.t('NAT gateway {0}', g.name), [
      [l10n.t('VPCs'), served(g, ctx).join(', ')],
      [l10n.t('Default gateway'), g.vpcs.some((v) => v.default_gateway) ? l10n.t('yes') : l10n.t('no')],
      [l10n.t('Public IPs'), natPublicIps(g).join(', ') || '—'],
      [
        l10n.t('Gateway IPs in the VPCs'),
        g.vpcs
          .map((v) => v.gateway_ip)
          .filter(Boolean)
          .join(', ') || '—',
      ],
      [l10n.t('Region'), g.region],
      [l10n.t('Size'), l10n.t('{0} vCPU', g.size)],
      [l10n.t('Timeouts (TCP, UDP, ICMP)'), [g.tcp_timeout_seconds, g.udp_timeout_seconds, g.icmp_timeout_seconds].map(seconds).join(', ')],
      [l10n.t('State'), g.state.toLowerCase()],
      [l10n.t('Created'), relativeTime(g.created_at, ctx.now)],
      ['ID', g.id],
    ]),
  consoleUrl: () => `${CONTROL_PANEL}/networking/vpc`,
};
