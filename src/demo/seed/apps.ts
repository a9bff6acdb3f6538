/** App Platform apps and Functions namespaces. */
import { type Json, type SeedContext, stableUuid } from './common';
import type { DemoData } from './state';

export function seedApps({ t }: SeedContext): Pick<DemoData, 'apps' | 'namespaces' | 'functionsTriggers' | 'functionsKeys'> {
  const apps = [
    appJson('marketing-site', 'nyc', 'ACTIVE', t(60), t(2)),
    appJson('admin-portal', 'ams', 'ACTIVE', t(20), t(1), [
      { name: 'db-migrate', kind: 'PRE_DEPLOY', instance_count: 1, instance_size_slug: 'apps-s-1vcpu-0.5gb' },
    ]),
  ];

  const namespaces = [
    {
      api_host: 'https://faas-nyc1-2ef2e6cc.doserverless.co',
      namespace: 'fn-' + stableUuid('fn-ns').slice(0, 23),
      created_at: t(70),
      updated_at: t(70),
      label: 'acme-hooks',
      region: 'nyc1',
      uuid: stableUuid('fn-ns'),
      key: 'dof_v1_demo_key_not_secret',
    },
  ];
  // marketing-site serves www.acme.example too: its certificate issued, the domain live
  apps[0].domains = [
    {
      id: stableUuid('app-domain-www'),
      phase: 'ACTIVE',
      spec: { domain: 'www.acme.example', type: 'PRIMARY', zone: 'acme.example' },
      certificate_expires_at: '2027-02-01T00:00:00Z',
    },
  ];
  // a nightly report run by a trigger, and one key a CI job uses
  const ns = namespaces[0].namespace;
  const functionsTriggers = {
    [ns]: [
      {
        namespace: ns,
        name: 'nightly-report',
        function: 'reports/daily',
        type: 'SCHEDULED',
        is_enabled: true,
        created_at: t(40),
        updated_at: t(40),
        scheduled_details: { cron: '0 2 * * *', body: { format: 'csv' } },
        scheduled_runs: { last_run_at: t(1), next_run_at: null },
      },
    ],
  };
  const functionsKeys = {
    [ns]: [{ id: 'dof_v1-demo-ci', name: 'ci-deploy', expires_at: null, created_at: t(30), updated_at: t(30) }],
  };
  return { apps, namespaces, functionsTriggers, functionsKeys };
}

/** An app with one web service (and the jobs given), deployed once. */
export function appJson(name: string, r: string, phase: string, createdAt: string, deployedAt: string, jobs: Json[] = []): Json {
  const id = stableUuid(`app-${name}`);
  const deployment = {
    id: stableUuid(`deploy-${name}-1`),
    spec: {
      name,
      region: r,
      services: [{ name: 'web', http_port: 8080, instance_count: 1, instance_size_slug: 'apps-s-1vcpu-1gb' }],
      ...(jobs.length ? { jobs } : {}),
    },
    phase,
    created_at: deployedAt,
    updated_at: deployedAt,
    cause: 'commit 4f2a9c1 pushed to main',
    progress: { success_steps: 6, total_steps: 6 },
  };
  return {
    id,
    owner_uuid: stableUuid('account-demo'),
    spec: deployment.spec,
    default_ingress: `https://${name}-x7k2q.ondigitalocean.app`,
    live_url: `https://${name}-x7k2q.ondigitalocean.app`,
    live_url_base: `https://${name}-x7k2q.ondigitalocean.app`,
    live_domain: `${name}-x7k2q.ondigitalocean.app`,
    created_at: createdAt,
    updated_at: deployedAt,
    last_deployment_active_at: deployedAt,
    last_deployment_created_at: deployedAt,
    active_deployment: deployment,
    region: {
      slug: r,
      label: r === 'nyc' ? 'New York' : 'Amsterdam',
      flag: r === 'nyc' ? 'usa' : 'netherlands',
      continent: r === 'nyc' ? 'North America' : 'Europe',
      data_centers: [r === 'nyc' ? 'nyc1' : 'ams3'],
    },
    tier_slug: 'basic',
    project_id: stableUuid(name === 'marketing-site' ? 'project-web' : 'project-data'),
  };
}
