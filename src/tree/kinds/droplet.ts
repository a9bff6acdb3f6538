import { type Droplet, droplet, publicIpv4 } from '../../api/resources/droplet';
import { memory, mdTable, perMonth } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

const STATES: Record<string, { icon: string; color: string; word: string }> = {
  active: { icon: 'vm-running', color: 'charts.green', word: 'running' },
  off: { icon: 'vm-outline', color: 'disabledForeground', word: 'off' },
  new: { icon: 'vm-active', color: 'charts.yellow', word: 'starting' },
  archive: { icon: 'archive', color: 'disabledForeground', word: 'archived' },
};

export const dropletPresenter: Presenter<Droplet> = {
  kind: droplet,
  quickAction: { command: 'digitalocean.droplet.sshTerminal', title: l10n.t('Open SSH Terminal'), icon: 'terminal' },
  placement: 'project',
  groupOrder: 10,
  icon: 'vm',
  style(d) {
    if (d.locked && d.status !== 'new') return { state: 'busy', icon: 'loading~spin', color: 'charts.yellow' };
    const s = STATES[d.status] ?? { icon: 'vm', color: 'foreground', word: d.status };
    return { state: s.word, icon: s.icon, color: s.color };
  },
  transitional: (d) => d.status === 'new' || d.locked,
  flags: (d) => [d.features.includes('backups') ? 'backups' : 'nobackups', d.features.includes('ipv6') ? 'ipv6' : 'noipv6'],
  description(d, ctx) {
    const state = this.style!(d).state;
    return [state === 'running' ? undefined : state, publicIpv4(d), d.region.slug, d.size_slug, perMonth(this.monthlyCost!(d, ctx))]
      .filter(Boolean)
      .join(' · ');
  },
  tooltip(d, ctx) {
    return mdTable(l10n.t('Droplet {0}', d.name), [
      [l10n.t('Status'), this.style!(d).state],
      [l10n.t('Public IPv4'), publicIpv4(d)],
      [l10n.t('Private IPv4'), d.networks.v4.find((n) => n.type === 'private')?.ip_address],
      ['IPv6', d.networks.v6[0]?.ip_address],
      [l10n.t('Region'), `${d.region.name} (${d.region.slug})`],
      [l10n.t('Size'), l10n.t('{0}: {1} vCPU, {2} RAM, {3} GB disk', d.size_slug, d.vcpus, memory(d.memory), d.disk)],
      [l10n.t('Image'), [d.image.distribution, d.image.name].filter(Boolean).join(' ')],
      [l10n.t('Monthly price'), perMonth(this.monthlyCost!(d, ctx))],
      [l10n.t('Tags'), d.tags.join(', ')],
      ['ID', d.id],
    ]);
  },
  region: (d) => d.region.slug,
  ip: (d) => publicIpv4(d),
  otherIps: (d) =>
    [d.networks.v4.find((n) => n.type === 'private')?.ip_address, ...d.networks.v6.map((n) => n.ip_address)].filter((ip): ip is string => Boolean(ip)),
  tags: (d) => d.tags,
  monthlyCost: (d) => d.size?.price_monthly,
  consoleUrl: (d) => `${CONTROL_PANEL}/droplets/${d.id}`,
};
