/** The client, bundled for the benchmark runner (plain Node). */
import type { DigitalOceanClient } from '../../src/api';
import { app } from '../../src/api/resources/app';
import { droplet, dropletSize } from '../../src/api/resources/droplet';
import { kubernetesCluster } from '../../src/api/resources/kubernetes';
import { loadBalancer } from '../../src/api/resources/loadBalancer';
import { project, projectResource } from '../../src/api/resources/project';
import { reservedIp } from '../../src/api/resources/reservedIp';
import { volume } from '../../src/api/resources/volume';

export { DigitalOceanClient } from '../../src/api';
export { droplet } from '../../src/api/resources/droplet';
export { appLogUrls, LogFollower } from '../../src/api/appLogs/follow';
export { SpacesClient } from '../../src/api/spaces/spacesClient';
export { uploadObject, memorySource } from '../../src/api/spaces/spacesUpload';

/**
 * The requests an account's counts and costs wait for, made by the bare client outside the editor:
 * the projects, then at once every project's resources, the sizes and each priced kind's list
 * (what AccountNode starts on expansion; the runner prints both request counts side by side).
 * Resolves to the number of items listed.
 */
export async function accountRequests(client: DigitalOceanClient): Promise<number> {
  const projects = await client.listAll(project);
  const lists = await Promise.all([
    ...projects.map((p) => client.listAll(projectResource, { parents: [p.id] })),
    client.listAll(dropletSize),
    client.listAll(app),
    client.listAll(droplet),
    client.listAll(kubernetesCluster),
    client.listAll(volume),
    client.listAll(loadBalancer),
    client.listAll(reservedIp),
  ]);
  return lists.reduce((n, list) => n + list.length, projects.length);
}
