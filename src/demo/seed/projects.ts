/** Projects, and which resources each holds (assigned by URN, as the API keeps them). */
import { type Json, type SeedContext, stableUuid } from './common';
import type { DemoData } from './state';

type Seeded = Pick<DemoData, 'volumes' | 'kubernetesClusters' | 'databases' | 'loadBalancers'>;

/** `seeded`: the kinds whose ids the projects name. */
export function seedProjects(
  { t, options }: SeedContext,
  { volumes, kubernetesClusters, databases, loadBalancers }: Seeded,
): Pick<DemoData, 'projects' | 'projectResources'> {
  const projects = [
    projectJson('project-web', 'Acme Web', 'Production website and API', 'Web Application', 'Production', true, t(420)),
    projectJson('project-data', 'Data Platform', 'Pipelines, databases and queues', 'Service or API', 'Production', false, t(300)),
    projectJson('project-staging', 'Staging', 'Everything pre-production', 'Web Application', 'Staging', false, t(60)),
  ];
  const assign = (urns: string[]) => urns.map((urn, i) => ({ urn, assigned_at: t(200 - i) }));
  const projectResources: Record<string, { urn: string; assigned_at: string }[]> = {
    [projects[0].id]: assign([
      'do:droplet:311000001',
      'do:droplet:311000002',
      'do:droplet:311000003',
      `do:volume:${volumes[0].id}`,
      `do:kubernetes:${kubernetesClusters[0].id}`,
      `do:dbaas:${databases[0].id}`,
      `do:dbaas:${databases[1].id}`,
      `do:dbaas:${databases[2].id}`,
      `do:loadbalancer:${loadBalancers[0].id}`,
      'do:floatingip:192.0.2.50',
      'do:domain:acme.example',
    ]),
    [projects[1].id]: assign([
      'do:droplet:311000004',
      'do:droplet:311000005',
      'do:droplet:311000007',
      `do:volume:${volumes[1].id}`,
      `do:dbaas:${databases[3].id}`,
      `do:dbaas:${databases[4].id}`,
      `do:dbaas:${databases[5].id}`,
      `do:dbaas:${databases[6].id}`,
      'do:floatingip:192.0.2.51',
    ]),
    [projects[2].id]: assign(['do:droplet:311000006', `do:kubernetes:${kubernetesClusters[1].id}`, 'do:domain:acme-staging.example']),
  };
  for (let i = 1; i <= (options.extraDroplets ?? 0); i++) {
    projectResources[projects[0].id].push({ urn: `do:droplet:${320000000 + i}`, assigned_at: t(5) });
  }

  return { projects, projectResources };
}

export function projectJson(key: string, name: string, description: string, purpose: string, environment: string, isDefault: boolean, createdAt: string): Json {
  return {
    id: stableUuid(key),
    owner_uuid: stableUuid('account-demo'),
    owner_id: 100001,
    name,
    description,
    purpose,
    environment,
    created_at: createdAt,
    updated_at: createdAt,
    is_default: isDefault,
  };
}
