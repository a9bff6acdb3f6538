import { type Vpc, vpc } from '../../api/resources/vpc';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const vpcPresenter: Presenter<Vpc> = {
  kind: vpc,
  placement: 'account',
  groupOrder: 150,
  icon: 'type-hierarchy-sub',
  description: (v) => [v.ip_range, v.region, v.default ? 'default' : undefined].filter(Boolean).join(' · '),
  tooltip: (v) =>
    mdTable(`VPC ${v.name}`, [
      [l10n.t('IP range'), v.ip_range],
      [l10n.t('Region'), v.region],
      [l10n.t('Default'), v.default ? 'yes' : 'no'],
      [l10n.t('Description'), v.description],
      ['ID', v.id],
    ]),
  region: (v) => v.region,
  consoleUrl: (v) => `${CONTROL_PANEL}/networking/vpc/${v.id}`,
};
