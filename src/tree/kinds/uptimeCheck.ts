import { type UptimeCheck, uptimeCheck } from '../../api/resources/uptimeCheck';
import { mdTable } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

export const uptimeCheckPresenter: Presenter<UptimeCheck> = {
  kind: uptimeCheck,
  placement: 'account',
  groupOrder: 180,
  icon: 'pulse',
  style: (u) => ({ state: u.enabled ? 'enabled' : 'disabled', color: u.enabled ? undefined : 'disabledForeground' }),
  description: (u) => [u.type, u.target, u.enabled ? undefined : 'disabled'].filter(Boolean).join(' · '),
  tooltip: (u) => mdTable(`Uptime check ${u.name}`, [['Target', u.target], ['Type', u.type], ['Regions', u.regions.join(', ')], ['Enabled', u.enabled ? 'yes' : 'no']]),
  consoleUrl: (u) => `${CONTROL_PANEL}/monitors/uptime/checks/${u.id}`,
};
