/**
 * Create Load Balancer: a wizard with Back — name, region, VPC, nodes (with the monthly price),
 * forwarding rules (HTTP, HTTPS with a certificate picker, HTTPS passthrough, HTTP/2, TCP, UDP),
 * health check, sticky sessions, targets (droplets of that region, or a tag), project — then a
 * summary with the price, the create, progress until it is active, and it is selected in the view.
 */
import type * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { type Certificate, certificate as certificateKind } from '../../api/resources/certificate';
import { droplet as dropletKind } from '../../api/resources/droplet';
import { type ForwardingRule, LB_NODE_MONTHLY_USD, type LoadBalancer, loadBalancer } from '../../api/resources/loadBalancer';
import { project as projectKind } from '../../api/resources/project';
import { tag as tagKind } from '../../api/resources/tag';
import { vpc as vpcKind } from '../../api/resources/vpc';
import { plural } from '../../tree/format';
import { withProgress } from '../../ui/progress';
import type { UserInput } from '../../ui/userInput';
import { runWizard } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { numberProblem } from '../validators';
import { listStep, nameStep, priceRange, projectStep, regionStep, summaryStep, vpcStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard, waitUntilReady } from '../wizard/create';
import { region as regionKind } from '../../api/resources/region';
import * as l10n from '@vscode/l10n';

interface Preset {
  label: string;
  description: string;
  entry: ForwardingRule['entry_protocol'];
  target: ForwardingRule['target_protocol'];
  ports: [number, number];
  certificate?: boolean;
  passthrough?: boolean;
}

const PRESETS: Preset[] = [
  { label: 'HTTP', description: l10n.t('port 80 to the droplets’ port 80'), entry: 'http', target: 'http', ports: [80, 80] },
  {
    label: 'HTTPS',
    description: l10n.t('TLS ends at the load balancer, with a certificate'),
    entry: 'https',
    target: 'http',
    ports: [443, 80],
    certificate: true,
  },
  {
    label: l10n.t('HTTPS passthrough'),
    description: l10n.t('TLS goes through to the droplets'),
    entry: 'https',
    target: 'https',
    ports: [443, 443],
    passthrough: true,
  },
  { label: 'HTTP/2', description: l10n.t('with a certificate'), entry: 'http2', target: 'http', ports: [443, 80], certificate: true },
  { label: 'TCP', description: l10n.t('any TCP service'), entry: 'tcp', target: 'tcp', ports: [5432, 5432] },
  { label: 'UDP', description: l10n.t('any UDP service'), entry: 'udp', target: 'udp', ports: [53, 53] },
];

export interface RulePlan {
  preset: string;
  entryPort: number;
  targetPort: number;
  certificate?: string;
}

export const presetOf = (r: RulePlan) => PRESETS.find((x) => x.label === r.preset)!;

/**
 * One forwarding rule's questions (protocol, ports, certificate where it needs one), nested in a
 * wizard at `where`: the create wizard's rule list and Add Forwarding Rule share them.
 */
export function editForwardingRule(
  input: UserInput,
  title: string,
  account: AccountInfo,
  usable: readonly Certificate[],
  start: RulePlan | undefined,
  where: { step: number; totalSteps: number },
): Promise<RulePlan> {
  return runWizard<RulePlan>(
    start ? { ...start } : { preset: '', entryPort: 0, targetPort: 0 },
    [
      async (r, s) => {
        const picked = await input.quickPick(
          PRESETS.map((x) => ({ label: x.label, description: x.description, picked: x.label === r.preset, preset: x })),
          { title, ...s, placeHolder: l10n.t('Forwarding rule: protocol') },
        );
        if (picked.preset.label !== r.preset)
          Object.assign(r, {
            preset: picked.preset.label,
            entryPort: picked.preset.ports[0],
            targetPort: picked.preset.ports[1],
            certificate: undefined,
          });
      },
      async (r, s) => {
        const pair = await input.inputBox({
          title,
          ...s,
          prompt: l10n.t("{0}: the load balancer's port, then the droplets' port, as entry:target", r.preset),
          value: `${r.entryPort}:${r.targetPort}`,
          validateInput: portPairProblem,
        });
        [r.entryPort, r.targetPort] = pair.split(':').map((x) => Number(x.trim()));
      },
      async (r, s) => {
        if (!presetOf(r).certificate) {
          r.certificate = undefined;
          return 'skipped';
        }
        if (!usable.length)
          throw new Error(
            l10n.t('{0} needs a certificate and {1} has no verified one: add a certificate first, or use HTTPS passthrough.', r.preset, account.label),
          );
        r.certificate = (
          await input.quickPick(
            usable.map((c) => ({
              label: c.name,
              description: `${c.dns_names.join(', ')} · ${c.type === 'lets_encrypt' ? l10n.t("Let's Encrypt") : 'custom'} · until ${c.not_after.slice(0, 10)}`,
              picked: c.id === r.certificate,
              cert: c,
            })),
            { title, ...s, placeHolder: l10n.t('Certificate for {0}', r.preset) },
          )
        ).cert.id;
      },
    ],
    { nested: where },
  );
}

/** The API's rule for a planned one. */
export function forwardingRuleOf(r: RulePlan): ForwardingRule {
  const preset = presetOf(r);
  return {
    entry_protocol: preset.entry,
    entry_port: r.entryPort,
    target_protocol: preset.target,
    target_port: r.targetPort,
    ...(r.certificate ? { certificate_id: r.certificate } : {}),
    ...(preset.passthrough ? { tls_passthrough: true } : {}),
  };
}

/** "443:8080" → [443, 8080]: the entry port, then the droplets' port. */
export function portPairProblem(value: string): string | undefined {
  const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(value);
  if (!m) return l10n.t('Write it as entry:target, e.g. 443:8080.');
  return numberProblem(m[1], 1, 65535, l10n.t('The entry port')) ?? numberProblem(m[2], 1, 65535, l10n.t('The target port'));
}

interface Plan {
  name: string;
  region: string;
  vpc?: string;
  nodes: number;
  rules: RulePlan[];
  health: { protocol: 'http' | 'https' | 'tcp'; port: number; path: string };
  sticky: boolean;
  by: 'droplets' | 'tag';
  dropletIds: number[];
  tag?: string;
  project?: string;
}

export function registerLoadBalancerCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.loadBalancer.create', l10n.t('Create load balancer'), async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, l10n.t('Create a load balancer in which account?'));
      const cache = model.cacheFor(account);
      const [regions, lbs, droplets, tags, certificates, vpcs, projects] = await withProgress(l10n.t('Loading droplets, tags, certificates and VPCs…'), () =>
        Promise.all([
          cache.list(regionKind),
          cache.list(loadBalancer),
          cache.list(dropletKind),
          cache.list(tagKind).catch(() => []),
          cache.list(certificateKind).catch(() => [] as Certificate[]),
          cache.list(vpcKind).catch(() => []),
          cache.list(projectKind).catch(() => []),
        ]),
      );
      const taken = lbs.map((l) => l.name);
      const title = l10n.t('Create load balancer');
      const usable = certificates.filter((c) => c.state === 'verified');
      const ruleText = (r: RulePlan) => {
        const cert = r.certificate ? ` · certificate ${certificates.find((c) => c.id === r.certificate)?.name ?? r.certificate}` : '';
        return `${presetOf(r).entry.toUpperCase()} ${r.entryPort} → ${presetOf(r).target.toUpperCase()} ${r.targetPort}${cert}`;
      };
      const price = (p: Plan) => priceRange(p.nodes * LB_NODE_MONTHLY_USD);

      const editRule = (start: RulePlan | undefined, where: { step: number; totalSteps: number }) =>
        editForwardingRule(input, title, account, usable, start, where);

      const bodyOf = (plan: Plan) => ({
        name: plan.name,
        region: plan.region,
        size_unit: plan.nodes,
        ...(plan.vpc ? { vpc_uuid: plan.vpc } : {}),
        ...(plan.project ? { project_id: plan.project } : {}),
        forwarding_rules: plan.rules.map(forwardingRuleOf),
        health_check: {
          protocol: plan.health.protocol,
          port: plan.health.port,
          ...(plan.health.protocol === 'tcp' ? {} : { path: plan.health.path }),
          check_interval_seconds: 10,
          response_timeout_seconds: 5,
          healthy_threshold: 3,
          unhealthy_threshold: 3,
        },
        sticky_sessions: plan.sticky ? { type: 'cookies', cookie_name: 'DO-LB', cookie_ttl_seconds: 300 } : { type: 'none' },
        ...(plan.tag ? { tag: plan.tag } : { droplet_ids: plan.dropletIds }),
      });
      const pickRegion = regionStep<Plan>(input, title, () => regions.filter((r) => r.available !== false));
      return runCreateWizard<Plan, LoadBalancer>(deps, {
        title,
        account,
        kind: loadBalancer,
        plan: {
          name: '',
          region: 'nyc3',
          nodes: 1,
          rules: [],
          health: { protocol: 'http', port: 80, path: '/' },
          sticky: false,
          by: 'droplets',
          dropletIds: [],
        },
        prompts: [
          nameStep<Plan>(input, title, { kind: loadBalancer, taken, prompt: l10n.t('Load balancer name') }),
          async (p, s) => {
            const before = p.region;
            await pickRegion(p, s);
            // the droplets chosen were in the region before
            if (p.region !== before) p.dropletIds = [];
          },
          vpcStep<Plan>(input, title, vpcs),
          async (p, s) => {
            p.nodes = Number(
              await input.inputBox({
                title,
                ...s,
                prompt: l10n.t('Nodes: each handles more connections (${0}/mo per node)', LB_NODE_MONTHLY_USD),
                value: String(p.nodes),
                validateInput: (v) => numberProblem(v, 1, 100, l10n.t('Nodes')),
              }),
            );
          },
          listStep<Plan, RulePlan>(input, {
            title,
            items: (p) => p.rules,
            noun: l10n.t('forwarding rule'),
            placeHolder: l10n.t('Forwarding rules: choose one to change or remove it'),
            add: { label: l10n.t('Add a forwarding rule…'), description: 'HTTP, HTTPS, HTTP/2, TCP, UDP' },
            minimum: 1,
            describe: (r) => ({ label: r.preset, description: ruleText(r) }),
            initial: () => [{ preset: 'HTTP', entryPort: 80, targetPort: 80 }],
            problem: (p) => {
              const entries = p.rules.map((r) => `${presetOf(r).entry === 'udp' ? 'udp' : 'tcp'}:${r.entryPort}`);
              const twice = entries.find((e, i) => entries.indexOf(e) !== i);
              return twice ? l10n.t('Two rules listen on port {0}: change one.', twice.split(':')[1]) : undefined;
            },
            edit: (_, rule, where) => editRule(rule, where),
          }),
          async (p, s) => {
            const port = p.rules[0]?.targetPort ?? 80;
            const web = p.rules.some((r) => presetOf(r).target === 'http');
            // the check chosen before, when the user comes Back
            const current = p.health.port !== port ? 'custom' : p.health.protocol === 'tcp' ? 'tcp' : p.health.path === '/' && web ? 'default' : 'custom';
            const choice = await input.quickPick(
              [
                ...(web
                  ? [
                      {
                        label: l10n.t('HTTP GET / on port {0}', port),
                        description: l10n.t('healthy when it answers 2xx or 3xx'),
                        check: 'default' as const,
                        picked: current === 'default',
                      },
                    ]
                  : []),
                {
                  label: l10n.t('TCP on port {0}', port),
                  description: l10n.t('healthy when it accepts a connection'),
                  check: 'tcp' as const,
                  picked: current === 'tcp',
                },
                {
                  label: l10n.t('Another path or port…'),
                  description:
                    p.health.path !== '/' || p.health.port !== port
                      ? `${p.health.protocol.toUpperCase()} ${p.health.port}${p.health.protocol === 'tcp' ? '' : p.health.path}`
                      : '',
                  check: 'custom' as const,
                  picked: current === 'custom',
                },
              ],
              { title, ...s, placeHolder: l10n.t('Health check: how the load balancer knows a droplet is up') },
            );
            if (choice.check === 'default') p.health = { protocol: 'http', port, path: '/' };
            else if (choice.check === 'tcp') p.health = { protocol: 'tcp', port, path: '' };
            else {
              const text = await input.inputBox({
                title,
                ...s,
                prompt: l10n.t('Port and path, e.g. 8080/healthz (HTTP), or a port alone for TCP'),
                value: `${p.health.port}${p.health.protocol === 'tcp' ? '' : p.health.path}`,
                validateInput: (v) => {
                  const m = /^\s*(\d+)(\/\S*)?\s*$/.exec(v);
                  return m ? numberProblem(m[1], 1, 65535, l10n.t('The port')) : l10n.t('A port, optionally followed by a path: 8080/healthz.');
                },
              });
              const m = /^\s*(\d+)(\/\S*)?\s*$/.exec(text)!;
              p.health = m[2] ? { protocol: 'http', port: Number(m[1]), path: m[2] } : { protocol: 'tcp', port: Number(m[1]), path: '' };
            }
          },
          async (p, s) => {
            p.sticky = (
              await input.quickPick(
                [
                  { label: l10n.t('No sticky sessions'), description: l10n.t('each request may go to any droplet'), sticky: false, picked: !p.sticky },
                  {
                    label: l10n.t('Sticky sessions by cookie'),
                    description: l10n.t('a client keeps its droplet for 5 minutes (cookie DO-LB)'),
                    sticky: true,
                    picked: p.sticky,
                  },
                ],
                { title, ...s, placeHolder: l10n.t('Sticky sessions') },
              )
            ).sticky;
          },
          async (p, s) => {
            p.by = (
              await input.quickPick(
                [
                  {
                    label: l10n.t('Droplets in {0}…', p.region),
                    description: l10n.t('the ones you pick'),
                    by: 'droplets' as const,
                    picked: p.by === 'droplets',
                  },
                  {
                    label: l10n.t('A tag…'),
                    description: l10n.t('every droplet with the tag in the region, now and later'),
                    by: 'tag' as const,
                    picked: p.by === 'tag',
                  },
                ],
                { title, ...s, placeHolder: l10n.t('Send traffic to') },
              )
            ).by;
          },
          async (p, s) => {
            if (p.by === 'droplets') {
              const here = droplets.filter((d) => d.region.slug === p.region);
              p.tag = undefined;
              p.dropletIds = (
                await input.quickPickMany(
                  here.map((d) => ({ label: d.name, description: `${d.status} · ${d.size_slug}`, picked: p.dropletIds.includes(d.id), id: d.id })),
                  {
                    title,
                    ...s,
                    placeHolder: here.length
                      ? l10n.t('Droplets in {0} (none: add them later)', p.region)
                      : l10n.t('No droplets in {0} yet: add them later', p.region),
                  },
                )
              ).map((x) => x.id);
            } else {
              if (!tags.length) throw new Error(l10n.t('{0} has no tags yet: tag the droplets first, or pick droplets.', account.label));
              p.dropletIds = [];
              p.tag = (
                await input.quickPick(
                  tags.map((t) => ({ label: t.name, description: plural(t.resources.count, 'resource'), picked: t.name === p.tag })),
                  { title, ...s, placeHolder: l10n.t('Tag') },
                )
              ).label;
            }
          },
          projectStep<Plan>(input, title, projects),
          summaryStep<Plan>(input, title, (p) => ({
            label: l10n.t('Create {0}', p.name),
            description: `${p.region} · ${plural(p.nodes, 'node')} · ${price(p)}`,
            detail: [
              ...p.rules.map(ruleText),
              `health ${p.health.protocol.toUpperCase()} ${p.health.port}${p.health.protocol === 'tcp' ? '' : p.health.path}`,
              p.sticky ? l10n.t('sticky sessions') : '',
              p.tag ? l10n.t('to tag {0}', p.tag) : `to ${plural(p.dropletIds.length, 'droplet')}`,
            ]
              .filter(Boolean)
              .join(' · '),
          })),
        ],
        execute: [
          create({
            detail: (p) => `${p.region}, ${plural(p.nodes, 'node')}`,
            send: ({ plan }, signal) => cache.client.create<LoadBalancer>(loadBalancer, bodyOf(plan), { signal }),
          }),
          reveal('created'),
          waitUntilReady({
            progress: (c) => l10n.t('Creating load balancer {0}: waiting for its IP address (usually a minute or two)…', c.name),
            state: (l) => (l.status === 'active' ? 'ready' : l.status === 'errored' ? { failed: l10n.t('the load balancer is in error') } : 'pending'),
          }),
          reveal('ready'),
          notify((c) => ({ message: l10n.t("Load balancer {0} is active at {1}. Point your domain's A record there.", c.ready!.name, c.ready!.ip) })),
        ],
      });
    }),
  ];
}
