/**
 * The steps of one node pool — name, size with its monthly price (only sizes offered in the
 * region), a fixed count or an autoscale range — shared by *Add Node Pool* and the pools of
 * *Create Kubernetes Cluster* (where it runs nested inside one step of the cluster wizard).
 */
import type { DropletSize } from '../api/resources/droplet';
import { type KubernetesOptions, nodePoolNameProblem } from '../api/resources/kubernetes';
import { memory } from '../tree/format';
import type { UserInput } from '../ui/userInput';
import { runWizard, type WizardOptions } from '../ui/wizard';
import { numberProblem } from './validators';

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
        p.name = (await input.inputBox({ title, ...s, prompt: 'Node pool name', value: p.name, validateInput: (v) => nodePoolNameProblem(v.trim(), o.taken) })).trim();
      },
      async (p, s) => {
        p.size = (
          await input.quickPick(
            nodeSizesIn(o.sizes, o.region).map((x) => {
              const d = o.sizes.bySlug.get(x.slug);
              return { label: x.slug, description: d ? `${d.vcpus} vCPU · ${memory(d.memory)} · $${d.price_monthly}/mo per node` : x.name, picked: x.slug === p.size };
            }),
            { title, ...s, placeHolder: `Node size for ${p.name} (offered in ${o.region})` },
          )
        ).label;
      },
      async (p, s) => {
        const fixed = 'Fixed number of nodes';
        const picked = await input.quickPick([{ label: fixed, picked: !p.autoScale }, { label: 'Autoscale', description: 'between a fewest and a most', picked: p.autoScale }], { title, ...s, placeHolder: `Scaling of ${p.name}` });
        p.autoScale = picked.label !== fixed;
      },
      async (p, s) => {
        if (!p.autoScale) {
          p.count = Number(await input.inputBox({ title, ...s, prompt: `Number of nodes in ${p.name} ($${price(p.size)}/mo each)`, value: String(p.count), validateInput: (v) => numberProblem(v, 1, 512, 'Nodes') }));
          return;
        }
        const range = await input.inputBox({
          title,
          ...s,
          prompt: `Fewest and most nodes in ${p.name}, as "min-max" ($${price(p.size)}/mo each)`,
          value: `${p.min}-${p.max}`,
          validateInput: (v) => {
            const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(v);
            if (!m) return 'Write it as min-max, e.g. 1-5.';
            return numberProblem(m[1], 1, 512, 'The fewest') ?? numberProblem(m[2], Number(m[1]), 512, 'The most');
          },
        });
        [p.min, p.max] = range.split('-').map((x) => Number(x.trim()));
        p.count = p.min;
      },
    ],
    o,
  );
}
