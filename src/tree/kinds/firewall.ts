import { type Firewall, firewall } from '../../api/resources/firewall';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const firewallPresenter: Presenter<Firewall> = {
  kind: firewall,
  placement: 'account',
  groupOrder: 140,
  icon: 'shield',
  style: (f) => ({ state: f.status, color: f.status === 'failed' ? 'charts.red' : undefined }),
  transitional: (f) => f.status === 'waiting',
  description: (f) =>
    [
      l10n.t('{0} inbound, {1} outbound rules', f.inbound_rules?.length ?? 0, f.outbound_rules?.length ?? 0),
      `${f.droplet_ids?.length ?? 0} droplets`,
      f.tags?.length ? `tags ${f.tags.join(', ')}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (f, ctx) =>
    mdTable(l10n.t('Firewall {0}', f.name), [
      [l10n.t('Status'), f.status],
      [l10n.t('Droplets'), (f.droplet_ids ?? []).map((id) => ctx.dropletName(id) ?? String(id)).join(', ')],
      [l10n.t('Tags'), (f.tags ?? []).join(', ')],
      [l10n.t('Created'), relativeTime(f.created_at, ctx.now)],
    ]),
  tags: (f) => f.tags ?? [],
  consoleUrl: (f) => `${CONTROL_PANEL}/networking/firewalls/${f.id}/rules`,
};
