/**
 * Droplet autoscale pools: Create Autoscale Pool (a wizard with Back: name, region, size, image,
 * SSH keys, a fixed count or a range scaled by CPU use with its cooldown, then a summary with the
 * monthly price range), Resize (read fresh: the count or the bounds and target, before → after,
 * the pool sent whole as the API's PUT replaces it) and Delete with Droplets (the pool's name
 * typed; the API's "dangerous" delete). The plain Delete keeps the droplets.
 */
import * as vscode from 'vscode';
import { deleteAutoscalePoolWithDroplets } from '../../api/autoscalePools';
import { type AutoscaleConfig, type AutoscalePool, dropletAutoscalePool, poolBounds, poolConfigText } from '../../api/resources/autoscalePool';
import { dropletSize } from '../../api/resources/droplet';
import { image as imageKind } from '../../api/resources/image';
import { region as regionKind } from '../../api/resources/region';
import { sshKey } from '../../api/resources/sshKey';
import { memory } from '../../tree/format';
import { autoscalePoolPresenter } from '../../tree/kinds/autoscalePool';
import { withProgress } from '../../ui/progress';
import type { UserInput } from '../../ui/userInput';
import { onlyWhen, runWizard, type WizardStep } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { nameStep, priceRange, regionStep, sizeStep, summaryStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard } from '../wizard/create';

/** The regions the API takes for a pool's template. */
const POOL_REGIONS = new Set(['nyc1', 'nyc2', 'nyc3', 'ams2', 'ams3', 'sfo1', 'sfo2', 'sfo3', 'sgp1', 'lon1', 'fra1', 'tor1', 'blr1', 'syd1']);

interface Scaling {
  mode: 'fixed' | 'auto';
  count: number;
  min: number;
  max: number;
  /** percent */
  cpu: number;
  cooldown: number;
}

interface Plan extends Scaling {
  name: string;
  region: string;
  size: string;
  image: string;
  sshKeys: string[];
}

function scalingOf(c: AutoscaleConfig): Scaling {
  return 'target_number_instances' in c
    ? { mode: 'fixed', count: c.target_number_instances, min: 1, max: Math.max(2, c.target_number_instances), cpu: 60, cooldown: 5 }
    : {
        mode: 'auto',
        count: c.min_instances,
        min: c.min_instances,
        max: c.max_instances,
        cpu: Math.round((c.target_cpu_utilization ?? 0.6) * 100),
        cooldown: c.cooldown_minutes ?? 5,
      };
}

export function configOf(s: Scaling, keep?: AutoscaleConfig): AutoscaleConfig {
  if (s.mode === 'fixed') return { target_number_instances: s.count };
  const memoryTarget = keep && 'target_memory_utilization' in keep ? keep.target_memory_utilization : undefined;
  return {
    min_instances: s.min,
    max_instances: s.max,
    target_cpu_utilization: s.cpu / 100,
    ...(memoryTarget !== undefined ? { target_memory_utilization: memoryTarget } : {}),
    cooldown_minutes: s.cooldown,
  };
}

/** A whole number within bounds, or why not. */
export function countProblem(value: string, low: number, high: number): string | undefined {
  if (!/^\d+$/.test(value.trim())) return vscode.l10n.t('A whole number.');
  const n = Number(value);
  return n < low || n > high ? vscode.l10n.t('From {0} to {1}.', low, high) : undefined;
}

/** The steps that ask how a pool scales: a fixed count, or bounds, a CPU target and a cooldown. */
function scalingSteps<S extends Scaling>(input: UserInput, title: string): WizardStep<S>[] {
  const whole =
    (label: string, get: (p: S) => number, set: (p: S, n: number) => void, low: (p: S) => number, high: (p: S) => number): WizardStep<S> =>
    async (p, s) => {
      set(p, Number(await input.inputBox({ title, ...s, prompt: label, value: String(get(p)), validateInput: (v) => countProblem(v, low(p), high(p)) })));
    };
  const auto = (p: S) => p.mode === 'auto';
  return [
    async (p, s) => {
      p.mode = (
        await input.quickPick(
          [
            {
              label: vscode.l10n.t('Scale with CPU use'),
              description: vscode.l10n.t('between a minimum and a maximum'),
              mode: 'auto' as const,
              picked: p.mode === 'auto',
            },
            {
              label: vscode.l10n.t('A fixed number'),
              description: vscode.l10n.t('replaced when one fails'),
              mode: 'fixed' as const,
              picked: p.mode === 'fixed',
            },
          ],
          { title, ...s, placeHolder: vscode.l10n.t('How many droplets') },
        )
      ).mode;
    },
    onlyWhen(
      (p) => !auto(p),
      whole(
        vscode.l10n.t('How many droplets (1–1000)'),
        (p) => p.count,
        (p, n) => (p.count = n),
        () => 1,
        () => 1000,
      ),
    ),
    onlyWhen(
      auto,
      whole(
        vscode.l10n.t('At least (1–500)'),
        (p) => p.min,
        (p, n) => (p.min = n),
        () => 1,
        () => 500,
      ),
    ),
    onlyWhen(
      auto,
      whole(
        vscode.l10n.t('At most'),
        (p) => Math.max(p.max, p.min),
        (p, n) => (p.max = n),
        (p) => p.min,
        () => 1000,
      ),
    ),
    onlyWhen(
      auto,
      whole(
        vscode.l10n.t('Target CPU use, in % (5–100)'),
        (p) => p.cpu,
        (p, n) => (p.cpu = n),
        () => 5,
        () => 100,
      ),
    ),
    onlyWhen(
      auto,
      whole(
        vscode.l10n.t('Cooldown after scaling, in minutes (5–20)'),
        (p) => p.cooldown,
        (p, n) => (p.cooldown = n),
        () => 5,
        () => 20,
      ),
    ),
  ];
}

export function registerAutoscalePoolCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;
  return [
    registerCommand(deps, 'digitalocean.autoscalePool.create', vscode.l10n.t('Create autoscale pool'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Create an autoscale pool in which account?'));
      const cache = model.cacheFor(account);
      const [regions, sizes, images, keys] = await withProgress(vscode.l10n.t('Loading sizes, images and keys…'), () =>
        Promise.all([cache.list(regionKind), cache.list(dropletSize), cache.list(imageKind, [], { type: 'distribution' }), cache.list(sshKey).catch(() => [])]),
      );
      if (!keys.length) throw new Error(vscode.l10n.t('An autoscale pool needs an SSH key for its droplets: add one to the account first.'));
      const taken = (cache.peek(dropletAutoscalePool) ?? []).map((p) => p.name);
      const priceOf = (slug: string) => sizes.find((x) => x.slug === slug)?.price_monthly ?? 0;
      const title = vscode.l10n.t('Create autoscale pool');
      return runCreateWizard<Plan, AutoscalePool>(deps, {
        title,
        account,
        kind: dropletAutoscalePool,
        name: (p) => p.name,
        plan: {
          name: '',
          region: 'nyc3',
          size: '',
          image: 'ubuntu-24-04-x64',
          sshKeys: keys.map((k) => k.fingerprint),
          mode: 'auto',
          count: 2,
          min: 1,
          max: 3,
          cpu: 60,
          cooldown: 5,
        },
        prompts: [
          nameStep<Plan>(input, title, { kind: dropletAutoscalePool, taken }),
          regionStep<Plan>(input, title, () => regions.filter((r) => r.available !== false && POOL_REGIONS.has(r.slug))),
          sizeStep<Plan>(
            input,
            title,
            (p) =>
              sizes
                .filter((x) => x.available && x.regions.includes(p.region))
                .map((x) => ({ slug: x.slug, description: vscode.l10n.t('{0} vCPU · {1} · ${2}/mo each', x.vcpus, memory(x.memory), x.price_monthly) })),
            (p) => vscode.l10n.t('Size of each droplet (available in {0})', p.region),
          ),
          async (p, s) => {
            p.image = (
              await input.quickPick(
                images
                  .filter((i) => i.slug && (i.regions.length === 0 || i.regions.includes(p.region)))
                  .map((i) => ({ label: `${i.distribution} ${i.name}`, description: i.slug ?? '', picked: i.slug === p.image, slug: i.slug! })),
                { title, ...s, placeHolder: vscode.l10n.t('Image') },
              )
            ).slug;
          },
          async (p, s) => {
            for (;;) {
              const picked = await input.quickPickMany(
                keys.map((k) => ({ label: k.name, description: k.fingerprint, picked: p.sshKeys.includes(k.fingerprint), fingerprint: k.fingerprint })),
                { title, ...s, placeHolder: vscode.l10n.t('SSH keys for its droplets (at least one)') },
              );
              p.sshKeys = picked.map((k) => k.fingerprint);
              if (p.sshKeys.length) return;
              void input.notify('warning', vscode.l10n.t('Choose at least one SSH key: the pool’s droplets are made with no password.'));
            }
          },
          ...scalingSteps<Plan>(input, title),
          summaryStep<Plan>(input, title, (p) => {
            const [low, high] = poolBounds(configOf(p));
            return {
              label: vscode.l10n.t('Create {0}', p.name),
              description: `${poolConfigText(configOf(p))} · ${p.size} · ${p.region} · ${priceRange(low * priceOf(p.size), high * priceOf(p.size))}`,
              detail: p.image,
            };
          }),
        ],
        execute: [
          create({
            detail: (p) => poolConfigText(configOf(p)),
            send: ({ plan }, signal) =>
              cache.client.create<AutoscalePool>(
                dropletAutoscalePool,
                {
                  name: plan.name,
                  config: configOf(plan),
                  droplet_template: {
                    name: plan.name,
                    region: plan.region,
                    size: plan.size,
                    image: plan.image,
                    ssh_keys: plan.sshKeys,
                    with_droplet_agent: true,
                  },
                },
                { signal },
              ),
          }),
          reveal(),
          notify(({ created }) => ({
            severity: 'info',
            message: vscode.l10n.t('Created autoscale pool {0}: {1}.', created!.name, poolConfigText(created!.config)),
          })),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.autoscalePool.resize', vscode.l10n.t('Resize autoscale pool'), async (arg) => {
      const node = await resourceTarget(deps, arg, autoscalePoolPresenter, vscode.l10n.t('Resize an autoscale pool'));
      const pool = (await withProgress(vscode.l10n.t('Reading the pool…'), (signal) => model.reloadResource(node.ref, signal))) as AutoscalePool | undefined;
      if (!pool) throw new Error(vscode.l10n.t('The autoscale pool {0} is gone.', (node.item as AutoscalePool).name));
      const title = vscode.l10n.t('Resize {0}', pool.name);
      const plan = scalingOf(pool.config);
      await runWizard(plan, [
        ...scalingSteps<Scaling>(input, title),
        summaryStep<Scaling>(
          input,
          title,
          (p) => ({
            label: poolConfigText(configOf(p, pool.config)),
            description: vscode.l10n.t('now: {0}, {1} running', poolConfigText(pool.config), pool.active_resources_count),
          }),
          vscode.l10n.t('Save it? (Back to change something, Esc to cancel)'),
        ),
      ]);
      const config = configOf(plan, pool.config);
      const saved = await withProgress(vscode.l10n.t('Resizing {0}…', pool.name), (signal) =>
        model
          .client(node.account)
          .update<AutoscalePool>(dropletAutoscalePool, pool.id, { name: pool.name, config, droplet_template: pool.droplet_template }, { signal }),
      );
      log.info(`[${node.account.label}] Autoscale pool ${pool.name}: ${poolConfigText(pool.config)} → ${poolConfigText(saved.config)}`);
      await model.reloadResource(node.ref);
      model.reloadKind(node.account, 'droplet');
      void input.notify('info', vscode.l10n.t('{0}: {1}, {2} running.', saved.name, poolConfigText(saved.config), saved.active_resources_count));
      return saved.id;
    }),

    registerCommand(deps, 'digitalocean.autoscalePool.deleteWithDroplets', vscode.l10n.t('Delete autoscale pool with its droplets'), async (arg) => {
      const node = await resourceTarget(deps, arg, autoscalePoolPresenter, vscode.l10n.t('Delete an autoscale pool with its droplets'));
      const pool = node.item as AutoscalePool;
      await input.inputBox({
        title: vscode.l10n.t('Delete {0} and its {1} droplet(s)?', pool.name, pool.active_resources_count),
        prompt: vscode.l10n.t('Its droplets are destroyed with their data; this cannot be undone. Type the pool’s name to go on.'),
        validateInput: (v) => (v === pool.name ? undefined : vscode.l10n.t('Type {0} exactly.', pool.name)),
      });
      await withProgress(vscode.l10n.t('Deleting {0} and its droplets…', pool.name), (signal) =>
        deleteAutoscalePoolWithDroplets(model.client(node.account), pool.id, signal),
      );
      log.info(`[${node.account.label}] Deleted autoscale pool ${pool.name} with its droplets`);
      model.reloadKind(node.account, dropletAutoscalePool.kind);
      model.reloadKind(node.account, 'droplet');
      return pool.id;
    }),
  ];
}
