import { type UptimeCheck, uptimeCheck } from '../../api/resources/uptimeCheck';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const uptimeCheckPresenter: Presenter<UptimeCheck> = {
  kind: uptimeCheck,
  placement: 'account',
  groupOrder: 180,
  icon: 'pulse',
  style: (u) => ({ state: u.enabled ? 'enabled' : 'disabled', color: u.enabled ? undefined : 'disabledForeground' }),
  description: (u) => [u.type, u.target, u.enabled ? undefined : 'disabled'].filter(Boolean).join(' · '),
  tooltip: (u) =>
    mdTable(l10n.t('Uptime check {0}', u.name), [
      [l10n.t('Target'), u.target],
      [l10n.t('Type'), u.type],
      [l10n.t('Regions'), u.regions.join(', ')],
      [l10n.t('Enabled'), u.enabled ? 'yes' : 'no'],
    ]),
  consoleUrl: (u) => `${CONTROL_PANEL}/monitors/uptime/checks/${u.id}`,
};
