/**
 * Create Firewall: a wizard with Back — name, inbound rules (presets for SSH, HTTP, HTTPS and
 * databases, or a custom protocol and ports) from sources, outbound rules (all outbound by
 * default) to destinations — addresses, droplets, tags, load balancers or Kubernetes clusters —,
 * the droplets and tags it applies to, a summary; then the firewall selected in the view.
 * And on an existing firewall, or from a droplet: add or remove droplets and tags.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { ApiError } from '../../api';
import { type Droplet, droplet as dropletKind, publicIpv4 } from '../../api/resources/droplet';
import { type Firewall, type FirewallEndpoints, type FirewallRule, firewall as firewallKind, firewallPortsProblem } from '../../api/resources/firewall';
import { kubernetesCluster } from '../../api/resources/kubernetes';
import { loadBalancer } from '../../api/resources/loadBalancer';
import { tag as tagKind } from '../../api/resources/tag';
import { plural } from '../../tree/format';
import { dropletPresenter } from '../../tree/kinds/droplet';
import { firewallPresenter } from '../../tree/kinds/firewall';
import { withProgress } from '../../ui/progress';
import { runWizard } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { isIpv4, isIpv6 } from '../../api/cidr';
import { listStep, nameStep, summaryStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard } from '../wizard/create';

type Direction = 'inbound' | 'outbound';

interface RulePlan {
  /** "SSH", "Custom TCP". */
  preset: string;
  protocol: FirewallRule['protocol'];
  ports: string;
  endpoints: Required<FirewallEndpoints>;
}

const ANYWHERE = ['0.0.0.0/0', '::/0'];
const none = (): Required<FirewallEndpoints> => ({ addresses: [], droplet_ids: [], load_balancer_uids: [], kubernetes_ids: [], tags: [] });

/** Presets: protocol and ports; `undefined` ports are asked for. */
const PRESETS: Record<Direction, { label: string; protocol: FirewallRule['protocol']; ports?: string }[]> = {
  inbound: [
    { label: 'SSH', protocol: 'tcp', ports: '22' },
    { label: 'HTTP', protocol: 'tcp', ports: '80' },
    { label: 'HTTPS', protocol: 'tcp', ports: '443' },
    { label: 'PostgreSQL', protocol: 'tcp', ports: '5432' },
    { label: 'MySQL', protocol: 'tcp', ports: '3306' },
    { label: vscode.l10n.t('All TCP'), protocol: 'tcp', ports: '0' },
    { label: vscode.l10n.t('All UDP'), protocol: 'udp', ports: '0' },
    { label: 'ICMP', protocol: 'icmp' },
    { label: vscode.l10n.t('Custom TCP'), protocol: 'tcp' },
    { label: vscode.l10n.t('Custom UDP'), protocol: 'udp' },
  ],
  outbound: [
    { label: vscode.l10n.t('All TCP'), protocol: 'tcp', ports: '0' },
    { label: vscode.l10n.t('All UDP'), protocol: 'udp', ports: '0' },
    { label: 'ICMP', protocol: 'icmp' },
    { label: 'HTTP', protocol: 'tcp', ports: '80' },
    { label: 'HTTPS', protocol: 'tcp', ports: '443' },
    { label: vscode.l10n.t('Custom TCP'), protocol: 'tcp' },
    { label: vscode.l10n.t('Custom UDP'), protocol: 'udp' },
  ],
};

/** An IPv4 or IPv6 address, or a CIDR block of either. */
export function addressProblem(value: string): string | undefined {
  const [address, prefix, extra] = value.trim().split('/');
  const v4 = isIpv4(address);
  if (extra !== undefined || !(v4 || isIpv6(address))) return vscode.l10n.t('{0} is not an IPv4 or IPv6 address or CIDR block.', value.trim());
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128)))
    return vscode.l10n.t('{0}: the prefix is at most /{1}.', value.trim(), v4 ? 32 : 128);
  return undefined;
}

interface Plan {
  name: string;
  inbound: RulePlan[];
  outbound: RulePlan[];
  dropletIds: number[];
  tags: string[];
}

export function registerFirewallCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  /** What rules can name, and targets be: the account's droplets, tags, load balancers and clusters. */
  async function targetsOf(account: AccountInfo) {
    const cache = model.cacheFor(account);
    const [droplets, tags, lbs, clusters] = await Promise.all([
      cache.list(dropletKind),
      cache.list(tagKind).catch(() => []),
      cache.list(loadBalancer).catch(() => []),
      cache.list(kubernetesCluster).catch(() => []),
    ]);
    return { droplets, tags, lbs, clusters };
  }

  return [
    registerCommand(deps, 'digitalocean.firewall.create', vscode.l10n.t('Create firewall'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Create a firewall in which account?'));
      const { droplets, tags, lbs, clusters } = await withProgress(vscode.l10n.t('Loading droplets, tags, load balancers and clusters…'), () =>
        targetsOf(account),
      );
      const title = vscode.l10n.t('Create firewall');
      const name = (id: number) => droplets.find((d) => d.id === id)?.name ?? String(id);

      const endpointsText = (e: Required<FirewallEndpoints>) => {
        const parts = [
          ...(ANYWHERE.every((a) => e.addresses.includes(a)) ? ['anywhere'] : []),
          ...e.addresses.filter((a) => !ANYWHERE.every((x) => e.addresses.includes(x)) || !ANYWHERE.includes(a)),
          ...e.droplet_ids.map(name),
          ...e.tags.map((t) => `tag ${t}`),
          ...e.load_balancer_uids.map((id) => vscode.l10n.t('load balancer {0}', lbs.find((l) => l.id === id)?.name ?? id)),
          ...e.kubernetes_ids.map((id) => `cluster ${clusters.find((c) => c.id === id)?.name ?? id}`),
        ];
        return parts.join(', ');
      };
      const ruleText = (r: RulePlan, direction: Direction) =>
        `${r.protocol.toUpperCase()}${r.protocol === 'icmp' ? '' : ` ${r.ports === '0' ? vscode.l10n.t('all ports') : r.ports}`} ${direction === 'inbound' ? 'from' : 'to'} ${endpointsText(r.endpoints)}`;

      /** One rule: preset, ports when custom, then who (sources or destinations). */
      const editRule = (direction: Direction, start: RulePlan | undefined, where: { step: number; totalSteps: number }) =>
        runWizard<RulePlan>(
          start
            ? { ...start, endpoints: { ...start.endpoints } }
            : { preset: '', protocol: 'tcp', ports: '', endpoints: { ...none(), addresses: [...ANYWHERE] } },
          [
            async (r, s) => {
              const preset = await input.quickPick(
                PRESETS[direction].map((x) => ({
                  label: x.label,
                  description:
                    x.protocol === 'icmp'
                      ? 'ICMP'
                      : x.ports === undefined
                        ? vscode.l10n.t('{0}, ports you choose', x.protocol.toUpperCase())
                        : `${x.protocol.toUpperCase()} ${x.ports === '0' ? vscode.l10n.t('all ports') : x.ports}`,
                  picked: x.label === r.preset,
                  preset: x,
                })),
                {
                  title,
                  ...s,
                  placeHolder: vscode.l10n.t('{0} rule: what traffic', direction === 'inbound' ? vscode.l10n.t('Inbound') : vscode.l10n.t('Outbound')),
                },
              );
              if (preset.preset.label !== r.preset)
                Object.assign(r, { preset: preset.preset.label, protocol: preset.preset.protocol, ports: preset.preset.ports ?? '' });
            },
            async (r, s) => {
              const preset = PRESETS[direction].find((x) => x.label === r.preset);
              if (r.protocol === 'icmp' || preset?.ports !== undefined) return 'skipped';
              r.ports = (
                await input.inputBox({
                  title,
                  ...s,
                  prompt: vscode.l10n.t('{0} port, range (8000-9000) or 0 for all', r.protocol.toUpperCase()),
                  value: r.ports,
                  validateInput: firewallPortsProblem,
                })
              ).trim();
            },
            async (r, s) => {
              const e = r.endpoints;
              const other = e.addresses.filter((a) => !ANYWHERE.includes(a));
              for (;;) {
                const picked = await input.quickPickMany(
                  [
                    {
                      label: vscode.l10n.t('All IPv4'),
                      description: '0.0.0.0/0',
                      picked: e.addresses.includes('0.0.0.0/0'),
                      set: () => e.addresses.push('0.0.0.0/0'),
                    },
                    { label: vscode.l10n.t('All IPv6'), description: '::/0', picked: e.addresses.includes('::/0'), set: () => e.addresses.push('::/0') },
                    {
                      label: vscode.l10n.t('Addresses…'),
                      description: other.length ? other.join(', ') : vscode.l10n.t('IPv4 or IPv6 addresses or CIDR blocks'),
                      picked: other.length > 0,
                      set: () => undefined,
                    },
                    ...droplets.map((d) => ({
                      label: `$(vm) ${d.name}`,
                      description: `droplet · ${publicIpv4(d) ?? d.region.slug}`,
                      picked: e.droplet_ids.includes(d.id),
                      set: () => e.droplet_ids.push(d.id),
                    })),
                    ...tags.map((t) => ({
                      label: `$(tag) ${t.name}`,
                      description: `tag · ${plural(t.resources.count, 'resource')}`,
                      picked: e.tags.includes(t.name),
                      set: () => e.tags.push(t.name),
                    })),
                    ...lbs.map((l) => ({
                      label: `$(server-process) ${l.name}`,
                      description: vscode.l10n.t('load balancer · {0}', l.ip || vscode.l10n.t('no IP yet')),
                      picked: e.load_balancer_uids.includes(l.id),
                      set: () => e.load_balancer_uids.push(l.id),
                    })),
                    ...clusters.map((c) => ({
                      label: `$(symbol-namespace) ${c.name}`,
                      description: vscode.l10n.t('Kubernetes cluster · {0}', c.region),
                      picked: e.kubernetes_ids.includes(c.id),
                      set: () => e.kubernetes_ids.push(c.id),
                    })),
                  ],
                  {
                    title,
                    ...s,
                    placeHolder:
                      direction === 'inbound' ? vscode.l10n.t('{0}: from where (sources)', r.preset) : vscode.l10n.t('{0}: to where (destinations)', r.preset),
                  },
                );
                Object.assign(e, none()); // emptied, then each picked item adds itself
                for (const item of picked) item.set();
                if (picked.some((x) => x.label === vscode.l10n.t('Addresses…'))) {
                  const typed = await input.inputBox({
                    title,
                    ...s,
                    prompt: vscode.l10n.t('Addresses or CIDR blocks, separated by commas (e.g. 203.0.113.7, 198.51.100.0/24, 2001:db8::/32)'),
                    value: other.join(', '),
                    validateInput: (v) => {
                      const list = v
                        .split(',')
                        .map((x) => x.trim())
                        .filter(Boolean);
                      return list.length ? list.map(addressProblem).find(Boolean) : vscode.l10n.t('At least one address.');
                    },
                  });
                  e.addresses.push(
                    ...typed
                      .split(',')
                      .map((x) => x.trim())
                      .filter(Boolean)
                      .filter((x) => !e.addresses.includes(x)),
                  );
                }
                if (Object.values(e).some((v) => v.length)) return;
                void input.notify(
                  'warning',
                  vscode.l10n.t('Choose at least one {0}: a rule with none lets nothing through.', direction === 'inbound' ? 'source' : 'destination'),
                );
              }
            },
          ],
          { nested: where },
        );

      const rules = (direction: Direction, defaults: RulePlan[]) =>
        listStep<Plan, RulePlan>(input, {
          title,
          items: (p) => p[direction],
          noun: `${direction} rule`,
          placeHolder: vscode.l10n.t(
            '{0} (choose one to change or remove it)',
            direction === 'inbound'
              ? vscode.l10n.t('Inbound rules: what may reach the droplets')
              : vscode.l10n.t('Outbound rules: what the droplets may reach'),
          ),
          add: { label: vscode.l10n.t('Add an {0} rule…', direction) },
          describe: (r) => ({ label: r.preset, description: ruleText(r, direction) }),
          initial: () => defaults,
          edit: (_, rule, where) => editRule(direction, rule, where),
          // checked when the last list is left, before the summary
          problem: (p) =>
            direction === 'outbound' && !p.inbound.length && !p.outbound.length
              ? vscode.l10n.t('A firewall needs at least one inbound or outbound rule.')
              : undefined,
        });

      const endpoints = (e: Required<FirewallEndpoints>): FirewallEndpoints => Object.fromEntries(Object.entries(e).filter(([, v]) => v.length));
      return runCreateWizard<Plan, Firewall>(deps, {
        title,
        account,
        kind: firewallKind,
        plan: { name: '', inbound: [], outbound: [], dropletIds: [], tags: [] },
        prompts: [
          nameStep<Plan>(input, title, {
            kind: firewallKind,
            taken: (model.cacheFor(account).peek(firewallKind) ?? []).map((f) => f.name),
            prompt: vscode.l10n.t('Firewall name'),
          }),
          rules('inbound', [{ preset: 'SSH', protocol: 'tcp', ports: '22', endpoints: { ...none(), addresses: [...ANYWHERE] } }]),
          rules(
            'outbound',
            (['tcp', 'udp', 'icmp'] as const).map((protocol) => ({
              preset: protocol === 'icmp' ? 'ICMP' : vscode.l10n.t('All {0}', protocol.toUpperCase()),
              protocol,
              ports: protocol === 'icmp' ? '' : '0',
              endpoints: { ...none(), addresses: [...ANYWHERE] },
            })),
          ),
          async (p, s) => {
            const picked = await input.quickPickMany(
              [
                ...droplets.map((d) => ({
                  label: `$(vm) ${d.name}`,
                  description: `droplet · ${d.region.slug}`,
                  picked: p.dropletIds.includes(d.id),
                  droplet: d.id,
                  tag: undefined,
                })),
                ...tags.map((t) => ({
                  label: `$(tag) ${t.name}`,
                  description: vscode.l10n.t('every droplet tagged {0}, now and later', t.name),
                  picked: p.tags.includes(t.name),
                  droplet: undefined,
                  tag: t.name,
                })),
              ],
              { title, ...s, placeHolder: vscode.l10n.t('Apply to which droplets and tags? (none: add them later)') },
            );
            p.dropletIds = picked.flatMap((x) => (x.droplet === undefined ? [] : [x.droplet]));
            p.tags = picked.flatMap((x) => (x.tag === undefined ? [] : [x.tag]));
          },
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: `${plural(p.inbound.length, vscode.l10n.t('inbound rule'))} · ${plural(p.outbound.length, vscode.l10n.t('outbound rule'))} · ${plural(p.dropletIds.length, 'droplet')}${p.tags.length ? `, tags ${p.tags.join(', ')}` : ''} · free`,
            detail: [...p.inbound.map((r) => `in: ${ruleText(r, 'inbound')}`), ...p.outbound.map((r) => `out: ${ruleText(r, 'outbound')}`)].join(' · '),
          })),
        ],
        execute: [
          create({
            detail: (p) => `${plural(p.inbound.length, vscode.l10n.t('inbound rule'))}, ${plural(p.outbound.length, vscode.l10n.t('outbound rule'))}`,
            send: ({ plan }, signal) =>
              model.client(account).create<Firewall>(
                firewallKind,
                {
                  name: plan.name,
                  inbound_rules: plan.inbound.map((r) => ({
                    protocol: r.protocol,
                    ports: r.protocol === 'icmp' ? '0' : r.ports,
                    sources: endpoints(r.endpoints),
                  })),
                  outbound_rules: plan.outbound.map((r) => ({
                    protocol: r.protocol,
                    ports: r.protocol === 'icmp' ? '0' : r.ports,
                    destinations: endpoints(r.endpoints),
                  })),
                  droplet_ids: plan.dropletIds,
                  tags: plan.tags,
                },
                { signal },
              ),
          }),
          reveal(),
          notify(({ plan, created }) => ({
            message: vscode.l10n.t(
              'Created firewall {0}{1}.',
              created!.name,
              plan.dropletIds.length || plan.tags.length
                ? ''
                : '. It applies to nothing yet: use Add Droplets or Tags… on it, or Add to Firewall… on a droplet',
            ),
          })),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.firewall.addTargets', vscode.l10n.t('Add droplets or tags to firewall'), async (arg) => {
      const node = await resourceTarget(deps, arg, firewallPresenter, vscode.l10n.t('Add droplets or tags to a firewall'));
      const fw = node.item as Firewall;
      const { droplets, tags } = await withProgress(vscode.l10n.t('Loading droplets and tags…'), () => targetsOf(node.account));
      const picked = await input.quickPickMany(
        [
          ...droplets
            .filter((d) => !(fw.droplet_ids ?? []).includes(d.id))
            .map((d) => ({ label: `$(vm) ${d.name}`, description: `droplet · ${d.region.slug}`, droplet: d.id, tag: undefined })),
          ...tags
            .filter((t) => !(fw.tags ?? []).includes(t.name))
            .map((t) => ({ label: `$(tag) ${t.name}`, description: vscode.l10n.t('every droplet with this tag'), droplet: undefined, tag: t.name })),
        ],
        { title: vscode.l10n.t('Add to firewall {0}', fw.name), placeHolder: vscode.l10n.t('Droplets and tags it should apply to') },
      );
      await changeTargets(node.account, fw, 'POST', picked);
    }),

    registerCommand(deps, 'digitalocean.firewall.removeTargets', vscode.l10n.t('Remove droplets or tags from firewall'), async (arg) => {
      const node = await resourceTarget(deps, arg, firewallPresenter, vscode.l10n.t('Remove droplets or tags from a firewall'), (f) =>
        Boolean((f as Firewall).droplet_ids?.length || (f as Firewall).tags?.length),
      );
      const fw = node.item as Firewall;
      const droplets = await model
        .cacheFor(node.account)
        .list(dropletKind)
        .catch(() => [] as Droplet[]);
      const picked = await input.quickPickMany(
        [
          ...(fw.droplet_ids ?? []).map((id) => ({
            label: `$(vm) ${droplets.find((d) => d.id === id)?.name ?? id}`,
            description: 'droplet',
            droplet: id,
            tag: undefined,
          })),
          ...(fw.tags ?? []).map((t) => ({ label: `$(tag) ${t}`, description: 'tag', droplet: undefined, tag: t })),
        ],
        { title: vscode.l10n.t('Remove from firewall {0}', fw.name), placeHolder: vscode.l10n.t('Droplets and tags it should no longer apply to') },
      );
      await input.confirm(
        vscode.l10n.t('Remove {0} from {1}?', picked.map((x) => x.label.replace(/^\$\([\w-]+\) /, '')).join(', '), fw.name),
        vscode.l10n.t('Traffic to those droplets is no longer filtered by this firewall.'),
        vscode.l10n.t('Remove'),
      );
      await changeTargets(node.account, fw, 'DELETE', picked);
    }),

    registerCommand(deps, 'digitalocean.droplet.addToFirewall', vscode.l10n.t('Add droplet to firewall'), async (arg) => {
      const node = await resourceTarget(deps, arg, dropletPresenter, vscode.l10n.t('Add a droplet to a firewall'));
      const d = node.item as Droplet;
      const firewalls = (await withProgress(vscode.l10n.t('Loading firewalls…'), () => model.cacheFor(node.account).list(firewallKind))).filter(
        (f) => !(f.droplet_ids ?? []).includes(d.id),
      );
      if (!firewalls.length)
        throw new Error(vscode.l10n.t('{0} is in every firewall of {1} already, or there is none: create one first.', d.name, node.account.label));
      const picked = await input.quickPick(
        firewalls.map((f) => ({ label: f.name, description: firewallPresenter.description(f, deps.explorer.present(node.account)), fw: f })),
        { title: vscode.l10n.t('Add {0} to which firewall?', d.name) },
      );
      await changeTargets(node.account, picked.fw, 'POST', [{ droplet: d.id, tag: undefined }]);
    }),

    registerCommand(deps, 'digitalocean.droplet.removeFromFirewall', vscode.l10n.t('Remove droplet from firewall'), async (arg) => {
      const node = await resourceTarget(deps, arg, dropletPresenter, vscode.l10n.t('Remove a droplet from a firewall'));
      const d = node.item as Droplet;
      const firewalls = (await withProgress(vscode.l10n.t('Loading firewalls…'), () => model.cacheFor(node.account).list(firewallKind))).filter((f) =>
        (f.droplet_ids ?? []).includes(d.id),
      );
      if (!firewalls.length)
        throw new Error(
          vscode.l10n.t('{0} is in no firewall by itself{1}.', d.name, d.tags.length ? vscode.l10n.t(' (a firewall may still apply to it through a tag)') : ''),
        );
      const picked = await input.quickPick(
        firewalls.map((f) => ({ label: f.name, fw: f })),
        { title: vscode.l10n.t('Remove {0} from which firewall?', d.name) },
      );
      await input.confirm(
        vscode.l10n.t('Remove {0} from {1}?', d.name, picked.fw.name),
        vscode.l10n.t('Traffic to it is no longer filtered by this firewall.'),
        vscode.l10n.t('Remove'),
      );
      await changeTargets(node.account, picked.fw, 'DELETE', [{ droplet: d.id, tag: undefined }]);
    }),
  ];

  /** `POST` or `DELETE` `/v2/firewalls/{id}/droplets` and `/tags`, as needed; then the firewall is read again. */
  async function changeTargets(account: AccountInfo, fw: Firewall, method: 'POST' | 'DELETE', picked: { droplet?: number; tag?: string }[]): Promise<void> {
    const dropletIds = picked.flatMap((x) => (x.droplet === undefined ? [] : [x.droplet]));
    const tags = picked.flatMap((x) => (x.tag === undefined ? [] : [x.tag]));
    if (!dropletIds.length && !tags.length) return;
    const what = [dropletIds.length ? plural(dropletIds.length, 'droplet') : '', tags.length ? plural(tags.length, 'tag') : ''].filter(Boolean).join(' and ');
    const client = model.client(account);
    const path = `/v2/firewalls/${encodeURIComponent(fw.id)}`;
    await withProgress(
      `${method === 'POST' ? vscode.l10n.t('Adding') : vscode.l10n.t('Removing')} ${what} ${method === 'POST' ? 'to' : 'from'} ${fw.name}…`,
      async (signal) => {
        if (dropletIds.length) await client.request<void>(method, `${path}/droplets`, { body: { droplet_ids: dropletIds }, signal });
        try {
          if (tags.length) await client.request<void>(method, `${path}/tags`, { body: { tags }, signal });
        } catch (error) {
          if (!dropletIds.length) throw error;
          // half done: say which half
          const why = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
          throw new Error(
            vscode.l10n.t(
              'The droplets were {0} {1}, but the tags were not: {2}',
              method === 'POST' ? vscode.l10n.t('added to') : vscode.l10n.t('removed from'),
              fw.name,
              why,
            ),
          );
        } finally {
          model.reloadKind(account, firewallKind.kind, false);
        }
      },
    );
    log.info(`[${account.label}] ${fw.name}: ${what} ${method === 'POST' ? 'added' : 'removed'}`);
  }
}
