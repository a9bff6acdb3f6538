/** The panel of the container registry: storage against the plan, garbage collections, repositories and tags. */
import { type Registry, registryRepository, registryTag } from '../../api/resources/registry';
import { garbageCollections, type RegistrySubscription, registrySubscription } from '../../api';
import { bytes } from '../../tree/format';
import type { CellView, SectionView } from '../protocol';
import { type PanelBuilder, fields, plain, tolerant, when } from './builder';
import * as l10n from '@vscode/l10n';

export const registryPanel: PanelBuilder<Registry> = {
  kind: 'registry',
  buttons: () => [
    { id: 'login', label: l10n.t('Docker Login'), command: 'digitalocean.registry.login', primary: true },
    { id: 'docker-password', label: l10n.t('Copy Docker Password…'), command: 'digitalocean.registry.copyDockerPassword' },
  ],
  async sections(r, ctx) {
    const { parts } = ctx;
    const subscription: RegistrySubscription | undefined = await ctx
      .memo('subscription', 300_000, () => registrySubscription(ctx.cache.client, ctx.signal))
      .catch(() => r.subscription);
    const included = subscription?.tier.included_storage_bytes;
    const used = r.storage_usage_bytes ?? 0;
    const overview = fields('overview', l10n.t('Overview'), [
      parts.copyable(l10n.t('Endpoint'), `registry.digitalocean.com/${r.name}`),
      plain(l10n.t('Region'), r.region),
      plain(
        l10n.t('Plan'),
        subscription
          ? `${subscription.tier.name}${subscription.tier.monthly_price_in_cents !== undefined ? ` · $${subscription.tier.monthly_price_in_cents / 100}/mo` : ''}`
          : undefined,
      ),
      {
        label: l10n.t('Storage used'),
        value: included ? `${bytes(used)} of ${bytes(included)} (${Math.round((100 * used) / included)}%)` : bytes(used),
        tone: included && used > included ? 'warn' : undefined,
      },
      plain(l10n.t('Usage measured'), when(r.storage_usage_bytes_updated_at, ctx.now)),
      plain(l10n.t('Created'), when(r.created_at, ctx.now)),
    ]);
    const gc = await tolerant('gc', l10n.t('Garbage collection'), async () => {
      const runs = await ctx.memo('gc', 60_000, () => garbageCollections(ctx.cache.client, r.name, ctx.signal));
      return {
        type: 'table',
        id: 'gc',
        title: l10n.t('Garbage collection'),
        columns: [l10n.t('Started'), l10n.t('Status'), l10n.t('Blobs deleted'), l10n.t('Freed')],
        rows: runs.map((g) => [
          when(g.created_at, ctx.now),
          { text: g.status, tone: g.status === 'succeeded' ? 'ok' : g.status === 'failed' ? 'error' : 'busy' } as CellView,
          String(g.blobs_deleted ?? 0),
          bytes(g.freed_bytes ?? 0),
        ]),
        empty: l10n.t('Never run'),
      } as SectionView;
    });
    const repos = await ctx.cache.list(registryRepository, [r.name]).catch(() => []);
    const repositories: SectionView = {
      type: 'table',
      id: 'repositories',
      title: l10n.t('Repositories'),
      columns: [l10n.t('Repository'), l10n.t('Tags'), l10n.t('Latest size'), l10n.t('Updated')],
      rows: repos.map((x) => [x.name, String(x.tag_count), bytes(x.latest_manifest?.compressed_size_bytes), when(x.latest_manifest?.updated_at, ctx.now)]),
      empty: l10n.t('No repositories'),
    };
    const tags = await tolerant('tags', l10n.t('Tags'), async () => {
      const lists = await Promise.all(repos.map((x) => ctx.cache.list(registryTag, [r.name, x.name])));
      return {
        type: 'table',
        id: 'image-tags',
        title: l10n.t('Tags'),
        columns: [l10n.t('Repository'), l10n.t('Tag'), l10n.t('Size'), l10n.t('Updated'), l10n.t('Digest')],
        rows: lists
          .flat()
          .map((t) => [
            t.repository,
            t.tag,
            bytes(t.compressed_size_bytes),
            when(t.updated_at, ctx.now),
            { text: t.manifest_digest.slice(0, 19), mono: true, copy: parts.copy(t.manifest_digest) } as CellView,
          ]),
        empty: l10n.t('No tags'),
      } as SectionView;
    });
    return [overview, ...gc, repositories, ...tags];
  },
};
