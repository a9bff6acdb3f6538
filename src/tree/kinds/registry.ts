import { type Registry, type RegistryRepository, type RegistryTag, registry, registryRepository, registryTag } from '../../api/resources/registry';
import { bytes, mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const registryTagPresenter: Presenter<RegistryTag> = {
  kind: registryTag,
  placement: 'child',
  icon: 'bookmark',
  description: (t, ctx) => [bytes(t.compressed_size_bytes), `updated ${relativeTime(t.updated_at, ctx.now)}`].join(' · '),
  tooltip: (t, ctx) =>
    mdTable(`${t.repository}:${t.tag}`, [
      [l10n.t('Compressed size'), bytes(t.compressed_size_bytes)],
      [l10n.t('Size'), bytes(t.size_bytes)],
      [l10n.t('Updated'), relativeTime(t.updated_at, ctx.now)],
      [l10n.t('Digest'), t.manifest_digest],
    ]),
};

export const registryRepositoryPresenter: Presenter<RegistryRepository> = {
  kind: registryRepository,
  placement: 'child',
  icon: 'repo',
  description: (r, ctx) =>
    [`${r.tag_count} tag${r.tag_count === 1 ? '' : 's'}`, r.latest_manifest ? `updated ${relativeTime(r.latest_manifest.updated_at, ctx.now)}` : undefined]
      .filter(Boolean)
      .join(' · '),
  tooltip: (r, ctx) =>
    mdTable(l10n.t('Repository {0}', r.name), [
      [l10n.t('Tags'), r.tag_count],
      [l10n.t('Manifests'), r.manifest_count],
      [
        l10n.t('Latest'),
        r.latest_manifest
          ? `${r.latest_manifest.tags.join(', ')} (${bytes(r.latest_manifest.compressed_size_bytes)}, ${relativeTime(r.latest_manifest.updated_at, ctx.now)})`
          : undefined,
      ],
    ]),
  async children(r, parents, ctx) {
    const tags = await ctx.list(registryTag, [r.registry_name, r.name]);
    return tags.length ? ctx.resources(registryTagPresenter, tags, [...parents, r.name]) : [ctx.message(`${r.name}:no-tags`, l10n.t('No tags'))];
  },
};

export const registryPresenter: Presenter<Registry> = {
  kind: registry,
  placement: 'account',
  groupOrder: 90,
  icon: 'package',
  description: (r) =>
    [
      `registry.digitalocean.com/${r.name}`,
      r.subscription ? `${bytes(r.storage_usage_bytes)} of ${bytes(r.subscription.tier.included_storage_bytes)}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (r, ctx) =>
    mdTable(l10n.t('Container registry {0}', r.name), [
      [l10n.t('Endpoint'), `registry.digitalocean.com/${r.name}`],
      [l10n.t('Plan'), r.subscription?.tier.name],
      [
        l10n.t('Storage used'),
        r.subscription ? `${bytes(r.storage_usage_bytes)} of ${bytes(r.subscription.tier.included_storage_bytes)}` : bytes(r.storage_usage_bytes),
      ],
      [l10n.t('Region'), r.region],
      [l10n.t('Created'), relativeTime(r.created_at, ctx.now)],
    ]),
  region: (r) => r.region,
  async children(r, parents, ctx) {
    const repositories = await ctx.list(registryRepository, [r.name]);
    return repositories.length
      ? ctx.resources(registryRepositoryPresenter, repositories, [...parents, r.name])
      : [ctx.message(`${r.name}:empty`, l10n.t('No repositories yet'))];
  },
  consoleUrl: () => `${CONTROL_PANEL}/registry`,
};
