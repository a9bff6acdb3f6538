/**
 * Create Kubernetes Cluster: a wizard with Back — name, region, version and node sizes from
 * `/v2/kubernetes/options`, the region's VPC, one or more node pools (size with its monthly price,
 * a node count or an autoscale range), control plane and upgrade options, maintenance window,
 * tags, project — then a summary with the monthly price, the create, progress until the cluster
 * is running, and the cluster selected in the tree with *Add to kubeconfig* offered.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { kubernetesOptions } from '../../api';
import { newestFirst } from '../../api/versions';
import { dropletSize } from '../../api/resources/droplet';
import { type KubernetesCluster, MAINTENANCE_DAYS, kubernetesCluster, maintenanceTimeProblem } from '../../api/resources/kubernetes';
import { project as projectKind } from '../../api/resources/project';
import { vpc as vpcKind } from '../../api/resources/vpc';
import { plural } from '../../tree/format';
import { kubernetesClusterPresenter } from '../../tree/kinds/kubernetes';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { type NodeSizes, type PoolPlan, nodePoolWizard, nodeSizesIn } from './nodePoolWizard';
import { listStep, nameStep, priceRange, projectStep, regionStep, summaryStep, tagsStep, vpcStep } from '../wizard/prompts';
import { assignToProjectStep, create, notify, reveal, runCreateWizard, waitUntilReady } from '../wizard/create';

const OPTIONS = {
  ha: {
    label: vscode.l10n.t('High-availability control plane'),
    description: vscode.l10n.t('a replicated control plane with less downtime; cannot be turned off later'),
  },
  auto_upgrade: { label: vscode.l10n.t('Automatic patch upgrades'), description: vscode.l10n.t('in the maintenance window') },
  surge_upgrade: { label: vscode.l10n.t('Surge upgrades'), description: vscode.l10n.t('new nodes come up before old ones go') },
} as const;
type OptionKey = keyof typeof OPTIONS;

interface Plan {
  name: string;
  region: string;
  version: string;
  vpc?: string;
  pools: PoolPlan[];
  options: OptionKey[];
  day: (typeof MAINTENANCE_DAYS)[number];
  time: string;
  tags: string[];
  project?: string;
}

const DEFAULT_SIZE = 's-2vcpu-4gb';

export function registerKubernetesCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.kubernetes.create', vscode.l10n.t('Create Kubernetes cluster'), async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, vscode.l10n.t('Create a cluster in which account?'));
      const cache = model.cacheFor(account);
      const [options, sizes, clusters, vpcs, projects] = await withProgress(vscode.l10n.t('Loading Kubernetes versions, sizes and VPCs…'), (signal) =>
        Promise.all([
          kubernetesOptions(cache.client, signal),
          cache.list(dropletSize),
          cache.list(kubernetesCluster),
          cache.list(vpcKind).catch(() => []),
          cache.list(projectKind).catch(() => []),
        ]),
      );
      if (!options.versions.length || !options.regions.length)
        throw new Error(vscode.l10n.t('DigitalOcean offers no Kubernetes version or region to this account now.'));
      const nodeSizes: NodeSizes = { options: options.sizes, bySlug: new Map(sizes.map((x) => [x.slug, x])) };
      const offeredIn = (region: string) => new Set(nodeSizesIn(nodeSizes, region).map((x) => x.slug));
      const price = (slug: string) => nodeSizes.bySlug.get(slug)?.price_monthly ?? 0;
      const poolPrice = (p: PoolPlan) => (p.autoScale ? [p.min * price(p.size), p.max * price(p.size)] : [p.count * price(p.size), p.count * price(p.size)]);
      const poolText = (p: PoolPlan) => `${p.autoScale ? `${p.min}–${p.max}` : p.count} × ${p.size} · ${priceRange(...(poolPrice(p) as [number, number]))}`;
      const total = (plan: Plan) => plan.pools.map(poolPrice).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]) as [number, number];
      const taken = clusters.map((c) => c.name);
      let n = 1;
      while (taken.includes(`k8s-${n}`)) n++;
      const versions = newestFirst(options.versions, (v) => v.kubernetes_version || v.slug);
      const latest = versions[0].slug;
      const title = vscode.l10n.t('Create Kubernetes cluster');

      const editPool = (start: PoolPlan, region: string, taken: string[], nested: { step: number; totalSteps: number }) =>
        nodePoolWizard(input, { title, start, region, taken, sizes: nodeSizes, nested });

      return runCreateWizard<Plan, KubernetesCluster>(deps, {
        title,
        account,
        kind: kubernetesCluster,
        plan: { name: `k8s-${n}`, region: 'nyc3', version: latest, pools: [], options: ['surge_upgrade'], day: 'any', time: '04:00', tags: [] },
        prompts: [
          nameStep<Plan>(input, title, { kind: kubernetesCluster, taken, prompt: vscode.l10n.t('Cluster name') }),
          regionStep<Plan>(input, title, () => options.regions),
          async (p, s) => {
            p.version = (
              await input.quickPick(
                versions.map((v) => ({
                  label: v.slug,
                  description: vscode.l10n.t('Kubernetes {0}{1}', v.kubernetes_version, v.slug === latest ? ' · latest' : ''),
                  picked: v.slug === p.version,
                })),
                { title, ...s, placeHolder: vscode.l10n.t('Kubernetes version') },
              )
            ).label;
          },
          vpcStep<Plan>(input, title, vpcs),
          listStep<Plan, PoolPlan>(input, {
            title,
            items: (p) => p.pools,
            noun: vscode.l10n.t('node pool'),
            placeHolder: vscode.l10n.t('Node pools: choose one to change or remove it'),
            add: { label: vscode.l10n.t('Add a node pool…'), description: vscode.l10n.t('more pools: different sizes for different workloads') },
            minimum: 1,
            describe: (x, p) => ({
              label: x.name,
              description: `${poolText(x)}${offeredIn(p.region).has(x.size) ? '' : vscode.l10n.t(' · {0} is not offered in {1}', x.size, p.region)}`,
            }),
            total: (p) => vscode.l10n.t('{0} for the nodes', priceRange(...total(p))),
            initial: (p) => {
              const offered = offeredIn(p.region);
              const size = offered.has(DEFAULT_SIZE) ? DEFAULT_SIZE : [...offered][0];
              if (!size) throw new Error(vscode.l10n.t('No node size is offered in {0}.', p.region));
              return [{ name: `${p.name}-pool-1`.slice(0, 63).replace(/-+$/, ''), size, count: 3, autoScale: false, min: 1, max: 3 }];
            },
            problem: (p) => {
              const stranded = p.pools.filter((x) => !offeredIn(p.region).has(x.size));
              return stranded.length
                ? vscode.l10n.t('{0}: the size is not offered in {1}. Change it first.', stranded.map((x) => x.name).join(', '), p.region)
                : undefined;
            },
            edit: (p, pool, where) => {
              const others = p.pools.filter((x) => x !== pool).map((x) => x.name);
              if (pool) return editPool(pool, p.region, others, where);
              let k = p.pools.length + 1;
              while (p.pools.some((x) => x.name === `${p.name}-pool-${k}`)) k++;
              return editPool({ ...p.pools[p.pools.length - 1], name: `${p.name}-pool-${k}`.slice(0, 63) }, p.region, others, where);
            },
          }),
          async (p, s) => {
            const keys = Object.keys(OPTIONS) as OptionKey[];
            p.options = (
              await input.quickPickMany(
                keys.map((key) => ({ ...OPTIONS[key], picked: p.options.includes(key), key })),
                { title, ...s, placeHolder: vscode.l10n.t('Options') },
              )
            ).map((x) => x.key);
          },
          async (p, s) => {
            p.day = (
              await input.quickPick(
                MAINTENANCE_DAYS.map((day) => ({ label: day === 'any' ? vscode.l10n.t('any day') : day, picked: day === p.day, day })),
                { title, ...s, placeHolder: vscode.l10n.t('Maintenance window: day (UTC)') },
              )
            ).day;
          },
          async (p, s) => {
            const time = (
              await input.inputBox({
                title,
                ...s,
                prompt: vscode.l10n.t(
                  'Maintenance window on {0}: start time in UTC (HH:MM); it lasts 4 hours',
                  p.day === 'any' ? vscode.l10n.t('any day') : p.day,
                ),
                value: p.time,
                validateInput: maintenanceTimeProblem,
              })
            ).trim();
            p.time = time.padStart(5, '0');
          },
          tagsStep<Plan>(input, title),
          projectStep<Plan>(input, title, projects),
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: `${p.region} · ${p.version} · ${priceRange(...total(p))}`,
            detail: [p.pools.map((x) => `${x.name}: ${poolText(x)}`).join('; '), ...p.options.map((o) => OPTIONS[o].label.toLowerCase())].join(' · '),
          })),
        ],
        execute: [
          create({
            progress: (p) => vscode.l10n.t('Creating cluster {0}…', p.name),
            detail: (p) => `${p.region}, ${p.version}`,
            send: ({ plan }, signal) =>
              cache.client.create<KubernetesCluster>(
                kubernetesCluster,
                {
                  name: plan.name,
                  region: plan.region,
                  version: plan.version,
                  ...(plan.vpc ? { vpc_uuid: plan.vpc } : {}),
                  node_pools: plan.pools.map((x) => ({
                    name: x.name,
                    size: x.size,
                    count: x.count,
                    ...(x.autoScale ? { auto_scale: true, min_nodes: x.min, max_nodes: x.max } : {}),
                  })),
                  ha: plan.options.includes('ha'),
                  auto_upgrade: plan.options.includes('auto_upgrade'),
                  surge_upgrade: plan.options.includes('surge_upgrade'),
                  maintenance_policy: { day: plan.day, start_time: plan.time },
                  tags: plan.tags,
                },
                { signal },
              ),
          }),
          assignToProjectStep(projects),
          reveal('created'),
          waitUntilReady({
            progress: (c) => vscode.l10n.t('Creating cluster {0}: provisioning (usually 5 to 10 minutes)…', c.name),
            state: (c) =>
              c.status.state === 'running'
                ? 'ready'
                : c.status.state === 'error'
                  ? { failed: c.status.message || vscode.l10n.t('the cluster is in error') }
                  : 'pending',
          }),
          reveal('ready'),
          notify((c) => {
            const running = c.ready!;
            // the web build has no ~/.kube: there the kubeconfig is offered as a download
            const [nextCommand, nextLabel] = deps.hasCommand('digitalocean.kubernetes.addToKubeconfig')
              ? ['digitalocean.kubernetes.addToKubeconfig', vscode.l10n.t('Add to kubeconfig')]
              : ['digitalocean.kubernetes.downloadKubeconfig', vscode.l10n.t('Download kubeconfig…')];
            return {
              message: vscode.l10n.t(
                'Cluster {0} is running in {1} ({2}).',
                running.name,
                running.region,
                plural(
                  running.node_pools.reduce((k, x) => k + x.count, 0),
                  'node',
                ),
              ),
              actions: [
                {
                  label: nextLabel,
                  run: () => vscode.commands.executeCommand(nextCommand, deps.explorer.nodeFor(account, kubernetesClusterPresenter, running, [])),
                },
              ],
            };
          }),
        ],
      });
    }),
  ];
}
