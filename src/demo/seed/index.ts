/**
 * The demo team's data: a realistic small company on DigitalOcean. Deterministic (no randomness,
 * fixed clock at seeding) so tests can name what they expect. Field names follow the API reference.
 * Each family of kinds is seeded in its own file here; this one puts them together.
 */
import { seedAccount } from './account';
import { seedApps } from './apps';
import { type SeedOptions, seedContext } from './common';
import { seedCompute } from './compute';
import { seedDatabases } from './databases';
import { seedDomains } from './domains';
import { seedKubernetes } from './kubernetes';
import { seedMonitoring } from './monitoring';
import { seedNetwork } from './network';
import { seedProjects } from './projects';
import { seedRegistry } from './registry';
import { seedScale } from './scale';
import type { DemoData } from './state';

export { DEMO_EMAIL, DEMO_TEAM } from './account';
export { IMAGES, type Json, REGIONS, SIZES, type SeedOptions, type Stored, fakeSpacesSecret, region, stableUuid } from './common';
export { KERNELS, dropletJson } from './compute';
export { databaseJson, kafkaTopicJson, replicaJson } from './databases';
export type { DemoData } from './state';

export function seedDemo(options: SeedOptions = {}): DemoData {
  const context = seedContext(options);
  const compute = seedCompute(context);
  const kubernetes = seedKubernetes(context);
  const databases = seedDatabases(context);
  const network = seedNetwork(context, compute);
  const data: DemoData = {
    ...seedAccount(context),
    ...compute,
    ...kubernetes,
    ...databases,
    ...seedRegistry(context),
    ...network,
    ...seedDomains(context),
    ...seedApps(context),
    ...seedMonitoring(context),
    ...seedProjects(context, { ...compute, ...kubernetes, ...databases, ...network }),
  };
  seedScale(context, data);
  return data;
}
