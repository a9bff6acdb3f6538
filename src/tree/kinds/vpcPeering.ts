import { vpc } from '../../api/resources/vpc';
import { type VpcPeering, vpcPeering } from '../../api/resources/vpcPeering';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter, type PresentContext } from './presenter';
import * as l10n from '@vscode/l10n';

/** The two VPCs by name when the account's VPCs are loaded, else by the start of their ids. */
const ends = (p: VpcPeering, ctx: PresentContext) => p.vpc_ids.map((id) => ctx.vpcName(id) ?? id.slice(0, 8));

export const vpcPeeringPresenter: Presenter<VpcPeering> = {
  kind: vpcPeering,
  placement: 'account',
  groupOrder: 151,
  alongside: [vpc],
  icon: 'arrow-swap',
  style: (p) => ({
    state: p.status.toLowerCase(),
    icon: p.status === 'ACTIVE' ? undefined : 'loading~spin',
  }),
  transitional: (p) => p.status === 'PROVISIONING' || p.status === 'DELETING',
  description: (p, ctx) => [ends(p, ctx).join(' ↔ '), p.status === 'ACTIVE' ? undefined : p.status.toLowerCase()].filter(Boolean).join(' · '),
  tooltip: (p, ctx) =>
    mdTable(l10n.t('VPC peering {0}', p.name), [
      [l10n.t('VPCs'), ends(p, ctx).join(', ')],
      [l10n.t('Status'), p.status.toLowerCase()],
      [l10n.t('Created'), relativeTime(p.created_at, ctx.now)],
      ['ID', p.id],
    ]),
  consoleUrl: () => `${CONTROL_PANEL}/networking/vpc`,
};
