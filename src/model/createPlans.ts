/**
 * What makes a droplet or a database cluster creatable, checked against what the account offers
 * (regions, sizes, images, engine options) and holds (names taken). The create wizards offer only
 * what passes and check their plan again before they send it; the agents' create tool refuses
 * with these messages before any request that changes something. One set of rules for both.
 */
import * as l10n from '@vscode/l10n';
import type { Region } from '../api/resources/descriptor';
import { type DatabaseEngineOptions, databaseClusterNameProblem } from '../api/resources/database';
import { type DropletSize, dropletNameProblem } from '../api/resources/droplet';
import type { Image } from '../api/resources/image';

export interface DropletPlan {
  name: string;
  region: string;
  size: string;
  /** A slug, or the id of a custom image or snapshot. */
  image: string | number;
  backups?: boolean;
}

export interface DropletOffer {
  regions: readonly Region[];
  sizes: readonly DropletSize[];
  /** Distributions and the account's own images. */
  images: readonly Image[];
}

/** The image a plan names (by slug or id), if the account can use it. */
export function imageNamed(images: readonly Image[], image: string | number): Image | undefined {
  const key = String(image);
  return images.find((i) => String(i.id) === key || (i.slug !== null && i.slug === key));
}

export function dropletPlanProblems(plan: DropletPlan, offer: DropletOffer): string[] {
  const problems: string[] = [];
  const nameProblem = dropletNameProblem(String(plan.name ?? ''));
  if (nameProblem) problems.push(l10n.t('name: {0}', nameProblem));
  const region = offer.regions.find((r) => r.slug === plan.region);
  if (!region || region.available === false)
    problems.push(
      l10n.t(
        'region: {0} is not a region that takes droplets; these do: {1}.',
        String(plan.region),
        offer.regions
          .filter((r) => r.available !== false)
          .map((r) => r.slug)
          .join(', '),
      ),
    );
  const size = offer.sizes.find((s) => s.slug === plan.size);
  const offered = offer.sizes.filter((s) => s.available && s.regions.includes(plan.region));
  if (!size || !size.available || !size.regions.includes(plan.region))
    problems.push(
      l10n.t(
        'size: {0} is not offered in {1}; these are: {2}.',
        String(plan.size),
        String(plan.region),
        offered.map((s) => `${s.slug} ($${s.price_monthly}/mo)`).join(', ') || l10n.t('none'),
      ),
    );
  const image = imageNamed(offer.images, plan.image);
  if (!image) problems.push(l10n.t('image: {0} is neither a distribution (e.g. ubuntu-24-04-x64) nor one of the account’s images.', String(plan.image)));
  else if (image.regions.length && !image.regions.includes(plan.region))
    problems.push(l10n.t('image: {0} is not in {1}; it is in {2}.', image.name, String(plan.region), image.regions.join(', ')));
  else if (size && image.min_disk_size && image.min_disk_size > size.disk)
    problems.push(l10n.t('image: {0} needs a disk of {1} GB; {2} has {3} GB.', image.name, image.min_disk_size, size.slug, size.disk));
  return problems;
}

/** A droplet's monthly price as the wizard shows it: the size's, and a fifth more with backups. */
export function dropletMonthlyPrice(plan: DropletPlan, sizes: readonly DropletSize[]): number | undefined {
  const size = sizes.find((s) => s.slug === plan.size);
  return size ? size.price_monthly * (plan.backups ? 1.2 : 1) : undefined;
}

export interface DatabasePlan {
  name: string;
  engine: string;
  version: string;
  region: string;
  num_nodes: number;
  size: string;
  storage_size_mib?: number;
}

/** Engines kept in memory take no extra storage. */
export const NO_EXTRA_STORAGE = new Set(['redis', 'valkey']);

export function databasePlanProblems(plan: DatabasePlan, options: Readonly<Record<string, DatabaseEngineOptions>>, taken: readonly string[]): string[] {
  const problems: string[] = [];
  const nameProblem = databaseClusterNameProblem(String(plan.name ?? ''), taken);
  if (nameProblem) problems.push(l10n.t('name: {0}', nameProblem));
  const engines = Object.entries(options).filter(([, o]) => o.versions.length && o.layouts.length && o.regions.length);
  const offer = engines.find(([engine]) => engine === plan.engine)?.[1];
  if (!offer) {
    problems.push(l10n.t('engine: {0} is not offered; these are: {1}.', String(plan.engine), engines.map(([e]) => e).join(', ')));
    return problems;
  }
  if (!offer.versions.includes(String(plan.version)))
    problems.push(l10n.t('version: {0} {1} is not offered; these are: {2}.', plan.engine, String(plan.version), offer.versions.join(', ')));
  if (!offer.regions.includes(plan.region))
    problems.push(l10n.t('region: {0} is not offered in {1}; these are: {2}.', plan.engine, String(plan.region), offer.regions.join(', ')));
  const layout = offer.layouts.find((l) => l.num_nodes === plan.num_nodes);
  if (!layout) problems.push(l10n.t('num_nodes: {0} takes {1} nodes.', plan.engine, offer.layouts.map((l) => l.num_nodes).join(', ')));
  else if (!layout.sizes.includes(plan.size))
    problems.push(l10n.t('size: {0} is not offered for {1} nodes; these are: {2}.', String(plan.size), plan.num_nodes, layout.sizes.join(', ')));
  if (plan.storage_size_mib !== undefined) {
    const gib = plan.storage_size_mib / 1024;
    if (NO_EXTRA_STORAGE.has(plan.engine)) problems.push(l10n.t('storage_size_mib: {0} takes no extra storage.', plan.engine));
    else if (!Number.isInteger(gib) || gib % 10 || gib < 10 || gib > 16_384)
      problems.push(l10n.t('storage_size_mib: total storage in steps of 10 GiB (10,240 MiB), up to 16,384 GiB.'));
  }
  return problems;
}
