import { type Vpc, vpc } from '../../api/resources/vpc';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const vpcPresenter: Presenter<Vpc> = {
  kind: vpc,
  placement: 'account',
  groupOrder: 150,
  icon: 'type-hierarchy-sub',
  description: (v) => [v.ip_range, v.region, v.default ? 'default' : undefined].filter(Boolean).join(' · '),
  tooltip: (v) => mdTable(`VPC ${v.name}`, [['IP range', v.ip_range], ['Region', v.region], ['Default', v.default ? 'yes' : 'no'], ['Description', v.description], ['ID', v.id]]),
  region: (v) => v.region,
  consoleUrl: (v) => `${CONTROL_PANEL}/networking/vpc/${v.id}`,
};
