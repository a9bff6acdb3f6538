/** The autoscale pool panel: its bounds and targets, the template, its droplets with their health, and what it did lately. */
import { autoscaleHistory, autoscaleMembers } from '../../api/autoscalePools';
import { type AutoscalePool, poolConfigText } from '../../api/resources/autoscalePool';
import { droplet } from '../../api/resources/droplet';
import type { CellView, SectionView } from '../protocol';
import { type PanelBuilder, fields, plain, tolerant, when } from './builder';
import * as l10n from '@vscode/l10n';

const percent = (x: number | undefined) => (x === undefined ? undefined : `${Math.round(x * 100)} %`);
const REASONS: Record<string, string> = {
  CONFIGURATION_CHANGE: l10n.t('configuration changed'),
  SCALE_UP: l10n.t('scaled up'),
  SCALE_DOWN: l10n.t('scaled down'),
};

export const autoscalePoolPanel: PanelBuilder<AutoscalePool> = {
  kind: 'droplet_autoscale_pool',
  buttons: () => [
    { id: 'resize', label: l10n.t('Resize…'), command: 'digitalocean.autoscalePool.resize', primary: true },
    { id: 'delete-all', label: l10n.t('Delete with Droplets…'), command: 'digitalocean.autoscalePool.deleteWithDroplets' },
  ],
  async sections(p, ctx) {
    const c = p.config;
    const t = p.droplet_template;
    const overview = fields('overview', l10n.t('Overview'), [
      plain(l10n.t('Status'), p.status),
      plain(l10n.t('Droplets'), l10n.t('{0} running', p.active_resources_count)),
      plain(l10n.t('Scaling'), poolConfigText(c)),
      ...('min_instances' in c ? [plain(l10n.t('Cooldown'), c.cooldown_minutes === undefined ? undefined : l10n.t('{0} min', c.cooldown_minutes))] : []),
      plain(l10n.t('CPU now'), percent(p.current_utilization?.cpu)),
      plain(l10n.t('Memory now'), percent(p.current_utilization?.memory)),
      plain(l10n.t('Created'), when(p.created_at, ctx.now)),
      ctx.parts.copyable('ID', p.id),
    ]);
    const template = fields('template', l10n.t('Droplet template'), [
      plain(l10n.t('Region'), t.region),
      plain(l10n.t('Size'), t.size),
      plain(l10n.t('Image'), t.image),
      plain(l10n.t('SSH keys'), t.ssh_keys.length),
      plain(l10n.t('Tags'), (t.tags ?? []).join(', ')),
      plain('VPC', t.vpc_uuid),
      plain('IPv6', t.ipv6 ?? false),
      plain(l10n.t('Monitoring agent'), t.with_droplet_agent ?? false),
    ]);
    const members = await tolerant('members', l10n.t('Droplets'), async () => {
      const list = await autoscaleMembers(ctx.cache.client, p.id, ctx.signal);
      const rows: CellView[][] = [];
      for (const m of list) {
        const target = await ctx.find(droplet as never, m.droplet_id).catch(() => undefined);
        rows.push([
          target ? ctx.parts.resourceLink(target.presenter.kind.nameOf(target.item as never), target) : { text: String(m.droplet_id) },
          { text: m.status },
          { text: m.health_status + (m.unhealthy_reason ? ` (${m.unhealthy_reason})` : ''), tone: m.health_status === 'healthy' ? 'ok' : 'error' },
          { text: percent(m.current_utilization?.cpu) ?? '' },
          { text: percent(m.current_utilization?.memory) ?? '' },
        ]);
      }
      return {
        type: 'table',
        id: 'members',
        title: l10n.t('Droplets'),
        columns: [l10n.t('Droplet'), l10n.t('Status'), l10n.t('Health'), 'CPU', l10n.t('Memory')],
        rows,
        empty: l10n.t('No droplets yet'),
      } as SectionView;
    });
    const history = await tolerant('history', l10n.t('History'), async () => ({
      type: 'table',
      id: 'history',
      title: l10n.t('History'),
      columns: [l10n.t('When'), l10n.t('What'), l10n.t('Droplets'), l10n.t('Status')],
      rows: (await autoscaleHistory(ctx.cache.client, p.id, ctx.signal)).map((h) => [
        when(h.created_at, ctx.now),
        REASONS[h.reason] ?? h.reason,
        `${h.current_instance_count} → ${h.desired_instance_count}`,
        { text: h.status.replace('_', ' '), tone: h.status === 'success' ? 'ok' : h.status === 'error' ? 'error' : 'busy' } as CellView,
      ]),
      empty: l10n.t('Nothing yet'),
    }));
    return [overview, template, ...members, ...history];
  },
};
