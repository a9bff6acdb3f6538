/**
 * The container registry's administration: Create Container Registry (a wizard with Back: a name
 * checked locally, then with DigitalOcean — names are global —, the plan with its price and
 * whether the account may take it, the region, a summary), Delete Container Registry (the name
 * typed), Change Registry Plan (the plans with prices, the current one marked, confirmed), Run
 * Garbage Collection (what to remove; confirmed, as pushes wait while it runs; followed until it
 * ends, with what it freed) and Cancel Garbage Collection; a tag's Delete Tag and a repository's
 * Delete Manifest (untagged ones first, each with its size and tags; confirmed).
 */
import * as vscode from 'vscode';
import type { GarbageCollection } from '../../api';
import { waitForReady } from '../../api';
import {
  activeGarbageCollection,
  cancelGarbageCollection,
  changeRegistryTier,
  createRegistry,
  deleteManifest,
  deleteRegistry,
  deleteRegistryTag,
  type GarbageCollectionType,
  registryNameFree,
  registryNameProblem,
  registryOptions,
  type RegistryTier,
  repositoryManifests,
  startGarbageCollection,
} from '../../api/registryAdmin';
import {
  type Registry,
  type RegistryRepository,
  type RegistryTag,
  registry as registryKind,
  registryRepository,
  registryTag,
} from '../../api/resources/registry';
import { bytes } from '../../tree/format';
import { registryPresenter, registryRepositoryPresenter, registryTagPresenter } from '../../tree/kinds/registry';
import { withProgress } from '../../ui/progress';
import { runWizard } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget, nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { summaryStep } from '../wizard/prompts';

const price = (t: RegistryTier) => (t.monthly_price_in_cents ? `$${t.monthly_price_in_cents / 100}/mo` : vscode.l10n.t('free'));
const tierText = (t: RegistryTier) =>
  [
    price(t),
    t.included_storage_bytes ? vscode.l10n.t('{0} storage', bytes(t.included_storage_bytes)) : undefined,
    t.included_repositories ? vscode.l10n.t('{0} repositories', t.included_repositories) : vscode.l10n.t('unlimited repositories'),
    t.eligible === false ? vscode.l10n.t('not available: {0}', (t.eligibility_reasons ?? []).join(', ') || vscode.l10n.t('not eligible')) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

const GC_TYPES: { type: GarbageCollectionType; label: string; description: string }[] = [
  {
    type: 'untagged manifests and unreferenced blobs',
    label: vscode.l10n.t('Untagged images and unused layers'),
    description: vscode.l10n.t('frees the most'),
  },
  { type: 'unreferenced blobs only', label: vscode.l10n.t('Unused layers only'), description: vscode.l10n.t('keeps every image, tagged or not') },
  { type: 'untagged manifests only', label: vscode.l10n.t('Untagged images only'), description: vscode.l10n.t('their layers stay until the next collection') },
];

const ended = (g: GarbageCollection) => ['succeeded', 'failed', 'cancelled'].includes(g.status);

export function registerRegistryManageCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  /** The registry run on (or the account's), as the view last listed it. */
  const current = async (arg: unknown, placeHolder: string) => {
    const node = await resourceTarget(deps, arg, registryPresenter, placeHolder);
    return { node, client: model.client(node.account), registry: node.item as Registry };
  };

  return [
    registerCommand(deps, 'digitalocean.registry.create', vscode.l10n.t('Create container registry'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Create a registry in which account?'));
      const cache = model.cacheFor(account);
      const [existing, options] = await withProgress(vscode.l10n.t('Loading registry plans and regions…'), (signal) =>
        Promise.all([cache.list(registryKind), registryOptions(cache.client, signal)]),
      );
      if (existing.length) throw new Error(vscode.l10n.t('{0} has a container registry already ({1}): an account has one.', account.label, existing[0].name));
      const title = vscode.l10n.t('Create container registry');
      const plan = { name: '', tier: options.tiers.find((t) => t.slug === 'basic' && t.eligible !== false)?.slug ?? '', region: options.regions[0] ?? '' };
      await runWizard(plan, [
        async (p, s) => {
          for (;;) {
            p.name = (
              await input.inputBox({
                title,
                ...s,
                prompt: vscode.l10n.t('Name (the endpoint is registry.digitalocean.com/<name>; names are unique across DigitalOcean)'),
                value: p.name,
                validateInput: registryNameProblem,
              })
            ).trim();
            const free = await withProgress(vscode.l10n.t('Checking {0}…', p.name), (signal) => registryNameFree(cache.client, p.name, signal));
            if (free) return;
            void input.notify('warning', vscode.l10n.t('The name {0} is taken on DigitalOcean: choose another.', p.name));
          }
        },
        async (p, s) => {
          p.tier = (
            await input.quickPick(
              options.tiers.map((t) => ({ label: t.name, description: tierText(t), picked: t.slug === p.tier, tier: t })),
              { title, ...s, placeHolder: vscode.l10n.t('Plan') },
            )
          ).tier.slug;
          const chosen = options.tiers.find((t) => t.slug === p.tier);
          if (chosen?.eligible === false) throw new Error(vscode.l10n.t('The {0} plan is not available to this account: {1}.', chosen.name, tierText(chosen)));
        },
        async (p, s) => {
          p.region = (
            await input.quickPick(
              options.regions.map((r) => ({ label: r, picked: r === p.region })),
              { title, ...s, placeHolder: vscode.l10n.t('Region (put it near the clusters that pull from it)') },
            )
          ).label;
        },
        summaryStep<typeof plan>(input, title, (p) => {
          const tier = options.tiers.find((t) => t.slug === p.tier);
          return { label: vscode.l10n.t('Create {0}', p.name), description: `${tier?.name ?? p.tier} · ${p.region} · ${tier ? price(tier) : ''}` };
        }),
      ]);
      const made = await withProgress(vscode.l10n.t('Creating registry {0}…', plan.name), (signal) =>
        createRegistry(cache.client, { name: plan.name, subscription_tier_slug: plan.tier, region: plan.region }, signal),
      );
      log.info(`[${account.label}] Container registry ${made.name} created (${plan.tier}, ${plan.region})`);
      model.reloadKind(account, registryKind.kind, true);
      void input.notify('info', vscode.l10n.t('Registry {0} is ready: push to registry.digitalocean.com/{0}/<image>.', made.name));
      return made.name;
    }),

    registerCommand(deps, 'digitalocean.registry.delete', vscode.l10n.t('Delete container registry'), async (arg) => {
      const { node, client, registry } = await current(arg, vscode.l10n.t('Delete which registry?'));
      const repositories = await model
        .cacheFor(node.account)
        .list(registryRepository, [registry.name])
        .catch(() => [] as RegistryRepository[]);
      await input.inputBox({
        title: vscode.l10n.t('Delete container registry {0}', registry.name),
        prompt: vscode.l10n.t(
          'Its {0} repositories and every image in them are lost; clusters pulling from it fail to start new pods. Type its name ({1}) to confirm.',
          repositories.length,
          registry.name,
        ),
        validateInput: (v) => (v === registry.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', registry.name)),
      });
      await withProgress(vscode.l10n.t('Deleting registry {0}…', registry.name), (signal) => deleteRegistry(client, signal));
      log.info(`[${node.account.label}] Container registry ${registry.name} deleted`);
      model.reloadKind(node.account, registryKind.kind, true);
      return registry.name;
    }),

    registerCommand(deps, 'digitalocean.registry.changePlan', vscode.l10n.t('Change registry plan'), async (arg) => {
      const { node, client, registry } = await current(arg, vscode.l10n.t('Change the plan of which registry?'));
      const options = await withProgress(vscode.l10n.t('Loading registry plans…'), (signal) => registryOptions(client, signal));
      const now = registry.subscription?.tier.slug;
      const tier = (
        await input.quickPick(
          options.tiers.map((t) => ({
            label: t.name,
            description: `${tierText(t)}${t.slug === now ? vscode.l10n.t(' · now') : ''}`,
            picked: t.slug === now,
            tier: t,
          })),
          { title: vscode.l10n.t('Plan of {0}', registry.name), placeHolder: vscode.l10n.t('Which plan?') },
        )
      ).tier;
      if (tier.slug === now) return now;
      if (tier.eligible === false) throw new Error(vscode.l10n.t('{0} cannot move to {1}: {2}.', registry.name, tier.name, tierText(tier)));
      await input.confirm(
        vscode.l10n.t('Move {0} to the {1} plan?', registry.name, tier.name),
        vscode.l10n.t(
          '{0} a month from now on (was {1}).',
          price(tier),
          registry.subscription?.tier.monthly_price_in_cents !== undefined ? price(registry.subscription.tier) : '?',
        ),
        vscode.l10n.t('Change Plan'),
      );
      const saved = await withProgress(vscode.l10n.t('Changing the plan of {0}…', registry.name), (signal) => changeRegistryTier(client, tier.slug, signal));
      log.info(`[${node.account.label}] Container registry ${registry.name}: plan ${now ?? '?'} → ${saved.tier.slug}`);
      await model.reloadResource(node.ref);
      return saved.tier.slug;
    }),

    registerCommand(deps, 'digitalocean.registry.runGc', vscode.l10n.t('Run garbage collection'), async (arg) => {
      const { node, client, registry } = await current(arg, vscode.l10n.t('Collect the garbage of which registry?'));
      const running = await withProgress(vscode.l10n.t('Reading {0}…', registry.name), (signal) => activeGarbageCollection(client, registry.name, signal));
      if (running && !ended(running)) throw new Error(vscode.l10n.t('A garbage collection of {0} is running already ({1}).', registry.name, running.status));
      const type = (
        await input.quickPick(
          GC_TYPES.map((t) => ({ ...t })),
          { title: vscode.l10n.t('Garbage collection of {0}', registry.name), placeHolder: vscode.l10n.t('Remove what?') },
        )
      ).type;
      await input.confirm(
        vscode.l10n.t('Run garbage collection on {0}?', registry.name),
        vscode.l10n.t(
          'The registry is read-only while it runs (pushes fail; pulls work). It uses {0} now; what it freed is shown when it ends.',
          bytes(registry.storage_usage_bytes ?? 0),
        ),
        vscode.l10n.t('Run'),
      );
      const done = await withProgress(vscode.l10n.t('Collecting the garbage of {0}…', registry.name), async (signal, report) => {
        const started = await startGarbageCollection(client, registry.name, type, signal);
        log.info(`[${node.account.label}] Container registry ${registry.name}: garbage collection ${started.uuid} (${type}) started`);
        return waitForReady(
          async (s) => (await activeGarbageCollection(client, registry.name, s)) ?? { ...started, status: 'succeeded' },
          (g) => {
            report(g.status);
            return ended(g) ? 'ready' : 'pending';
          },
          { signal, what: vscode.l10n.t('The garbage collection of {0}', registry.name) },
        );
      });
      log.info(`[${node.account.label}] Container registry ${registry.name}: garbage collection ${done.status}, ${bytes(done.freed_bytes ?? 0)} freed`);
      await model.reloadResource(node.ref);
      void input.notify(
        done.status === 'succeeded' ? 'info' : 'warning',
        vscode.l10n.t(
          'Garbage collection of {0} {1}: {2} blobs deleted, {3} freed.',
          registry.name,
          done.status,
          done.blobs_deleted ?? 0,
          bytes(done.freed_bytes ?? 0),
        ),
      );
      return done.status;
    }),

    registerCommand(deps, 'digitalocean.registry.cancelGc', vscode.l10n.t('Cancel garbage collection'), async (arg) => {
      const { node, client, registry } = await current(arg, vscode.l10n.t('Cancel the garbage collection of which registry?'));
      const running = await withProgress(vscode.l10n.t('Reading {0}…', registry.name), (signal) => activeGarbageCollection(client, registry.name, signal));
      if (!running || ended(running)) {
        void input.notify('info', vscode.l10n.t('No garbage collection of {0} is running.', registry.name));
        return undefined;
      }
      await input.confirm(
        vscode.l10n.t('Cancel the garbage collection of {0}?', registry.name),
        vscode.l10n.t('What it deleted so far stays deleted; the rest waits for the next run.'),
        vscode.l10n.t('Cancel Collection'),
      );
      const cancelled = await withProgress(vscode.l10n.t('Cancelling…'), (signal) => cancelGarbageCollection(client, registry.name, running.uuid, signal));
      log.info(`[${node.account.label}] Container registry ${registry.name}: garbage collection ${running.uuid} ${cancelled.status}`);
      return cancelled.status;
    }),

    registerCommand(deps, 'digitalocean.registry.deleteTag', vscode.l10n.t('Delete tag'), async (arg) => {
      const node = nodeArgument(arg, registryTagPresenter);
      const tag = node.item as RegistryTag;
      await input.confirm(
        vscode.l10n.t('Delete tag {0}:{1}?', tag.repository, tag.tag),
        vscode.l10n.t('Pulls of {0}:{1} fail from now on. The image stays (untagged) until garbage collection removes it.', tag.repository, tag.tag),
        vscode.l10n.t('Delete'),
      );
      await withProgress(vscode.l10n.t('Deleting {0}:{1}…', tag.repository, tag.tag), (signal) =>
        deleteRegistryTag(model.client(node.account), tag.registry_name, tag.repository, tag.tag, signal),
      );
      log.info(`[${node.account.label}] Container registry ${tag.registry_name}: tag ${tag.repository}:${tag.tag} deleted`);
      model.reloadKind(node.account, registryTag.kind, false);
      model.reloadKind(node.account, registryRepository.kind, false);
      return tag.tag;
    }),

    registerCommand(deps, 'digitalocean.registry.deleteManifest', vscode.l10n.t('Delete manifest'), async (arg) => {
      const node = nodeArgument(arg, registryRepositoryPresenter);
      const repo = node.item as RegistryRepository;
      const client = model.client(node.account);
      const manifests = await withProgress(vscode.l10n.t('Reading the images of {0}…', repo.name), (signal) =>
        repositoryManifests(client, repo.registry_name, repo.name, signal),
      );
      if (!manifests.length) throw new Error(vscode.l10n.t('{0} holds no images.', repo.name));
      // untagged first: what people clean up
      const ordered = [...manifests].sort((a, b) => Number(a.tags.length > 0) - Number(b.tags.length > 0));
      const picked = (
        await input.quickPick(
          ordered.map((m) => ({
            label: m.digest.slice(0, 19),
            description: [m.tags.length ? m.tags.join(', ') : vscode.l10n.t('untagged'), m.compressed_size_bytes ? bytes(m.compressed_size_bytes) : undefined]
              .filter(Boolean)
              .join(' · '),
            manifest: m,
          })),
          { title: vscode.l10n.t('Delete an image of {0}', repo.name), placeHolder: vscode.l10n.t('Which manifest?') },
        )
      ).manifest;
      await input.confirm(
        vscode.l10n.t('Delete {0}@{1}?', repo.name, picked.digest.slice(0, 19)),
        picked.tags.length
          ? vscode.l10n.t('Its tags go with it: {0}. Pulls of them fail from now on.', picked.tags.join(', '))
          : vscode.l10n.t('It is untagged; pulls by its digest fail from now on. Garbage collection frees its space.'),
        vscode.l10n.t('Delete'),
      );
      await withProgress(vscode.l10n.t('Deleting {0}…', picked.digest.slice(0, 19)), (signal) =>
        deleteManifest(client, repo.registry_name, repo.name, picked.digest, signal),
      );
      log.info(`[${node.account.label}] Container registry ${repo.registry_name}: manifest ${repo.name}@${picked.digest} deleted`);
      model.reloadKind(node.account, registryTag.kind, false);
      model.reloadKind(node.account, registryRepository.kind, false);
      return picked.digest;
    }),
  ];
}
