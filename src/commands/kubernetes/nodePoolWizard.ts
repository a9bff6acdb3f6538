/**
 * The steps of one node pool — name, size with its monthly price (only sizes offered in the
 * region), a fixed count or an autoscale range — shared by *Add Node Pool* and the pools of
 * *Create Kubernetes Cluster* (where it runs nested inside one step of the cluster wizard).
 */
import type { DropletSize } from '../../api/resources/droplet';
import { type KubernetesOptions, nodePoolNameProblem } from '../../api/resources/kubernetes';
import { memory } from '../../tree/format';
import type { UserInput } from '../../ui/userInput';
import { runWizard, type WizardOptions } from '../../ui/wizard';
import { numberProblem } from '../validators';
import * as l10n from '@vscode/l10n';

export interface PoolPlan {
  name: string;
  size: string;
  count: number;
  autoScale: boolean;
  min: number;
  max: number;
}

export interface NodeSizes {
  /** The node sizes `/v2/kubernetes/options` offers. */
  options: KubernetesOptions['sizes'];
  /** The droplet sizes by slug: regions and prices. */
  bySlug: ReadonlyMap<string, DropletSize>;
}

/** Node sizes for a region: those of the options the droplet sizes offer there (one they do not know is offered). */
export function nodeSizesIn(sizes: NodeSizes, region: string): KubernetesOptions['sizes'] {
  return sizes.options.filter((x) => sizes.bySlug.get(x.slug)?.regions.includes(region) ?? true);
}

export function nodePoolWizard(
  input: UserInput,
  o: { title: string; start: PoolPlan; region: string; taken: readonly string[]; sizes: NodeSizes } & WizardOptions,
): Promise<PoolPlan> {
  const { title } = o;
  const price = (slug: string) => o.sizes.bySlug.get(slug)?.price_monthly ?? 0;
  return runWizard<PoolPlan>(
    { ...o.start },
    [
      async (p, s) => {
        p.name = (
          await input.inputBox({ title, ...s, prompt: l10n.t('Node pool name'), value: p.name, validateInput: (v) => nodePoolNameProblem(v.trim(), o.taken) })
        ).trim();
      },
      async (p, s) => {
        p.size = (
          await input.quickPick(
            nodeSizesIn(o.sizes, o.region).map((x) => {
              const d = o.sizes.bySlug.get(x.slug);
              return {
                label: x.slug,
                description: d ? l10n.t('{0} vCPU · {1} · ${2}/mo per node', d.vcpus, memory(d.memory), d.price_monthly) : x.name,
                picked: x.slug === p.size,
              };
            }),
            { title, ...s, placeHolder: l10n.t('Node size for {0} (offered in {1})', p.name, o.region) },
          )
        ).label;
      },
      async (p, s) => {
        const fixed = l10n.t('Fixed number of nodes');
        const picked = await input.quickPick(
          [
            { label: fixed, picked: !p.autoScale },
            { label: l10n.t('Autoscale'), description: l10n.t('between a fewest and a most'), picked: p.autoScale },
          ],
          { title, ...s, placeHolder: l10n.t('Scaling of {0}', p.name) },
        );
        p.autoScale = picked.label !== fixed;
      },
      async (p, s) => {
        if (!p.autoScale) {
          p.count = Number(
            await input.inputBox({
              title,
              ...s,
              prompt: l10n.t('Number of nodes in {0} (${1}/mo each)', p.name, price(p.size)),
              value: String(p.count),
              validateInput: (v) => numberProblem(v, 1, 512, l10n.t('Nodes')),
            }),
          );
          return;
        }
        const range = await input.inputBox({
          title,
          ...s,
          prompt: l10n.t('Fewest and most nodes in {0}, as "min-max" (${1}/mo each)', p.name, price(p.size)),
          value: `${p.min}-${p.max}`,
          validateInput: (v) => {
            const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(v);
            if (!m) return l10n.t('Write it as min-max, e.g. 1-5.');
            return numberProblem(m[1], 1, 512, l10n.t('The fewest')) ?? numberProblem(m[2], Number(m[1]), 512, l10n.t('The most'));
          },
        });
        [p.min, p.max] = range.split('-').map((x) => Number(x.trim()));
        p.count = p.min;
      },
    ],
    o,
  );
}
