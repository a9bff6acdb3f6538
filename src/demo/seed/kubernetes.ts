/** Kubernetes clusters with their node pools and nodes. */
import { type Json, type SeedContext, stableUuid } from './common';
import type { DemoData } from './state';

export function seedKubernetes({ t }: SeedContext): Pick<DemoData, 'kubernetesClusters'> {
  const kubernetesClusters = [
    k8sCluster('prod-k8s', 'nyc3', '1.33.1-do.0', t(180), [
      ['pool-web', 's-2vcpu-4gb', 3, false],
      ['pool-jobs', 's-4vcpu-8gb', 2, true],
    ]),
    k8sCluster('staging-k8s', 'sfo3', '1.32.5-do.2', t(45), [['pool-default', 's-2vcpu-2gb', 2, false]]),
  ];
  return { kubernetesClusters };
}

export function k8sCluster(name: string, r: string, version: string, createdAt: string, pools: [string, string, number, boolean][]): Json {
  const id = stableUuid(`k8s-${name}`);
  return {
    id,
    name,
    region: r,
    version,
    cluster_subnet: '10.244.0.0/16',
    service_subnet: '10.245.0.0/16',
    vpc_uuid: stableUuid(`vpc-default-${r}`),
    ipv4: '203.0.113.90',
    endpoint: `https://${id}.k8s.ondigitalocean.com`,
    tags: ['k8s', `k8s:${id}`],
    node_pools: pools.map(([poolName, poolSize, count, autoScale]) => {
      const poolId = stableUuid(`pool-${name}-${poolName}`);
      return {
        size: poolSize,
        id: poolId,
        name: poolName,
        count,
        tags: ['k8s', `k8s:${id}`, 'k8s:worker'],
        labels: null,
        taints: [],
        auto_scale: autoScale,
        min_nodes: autoScale ? 1 : 0,
        max_nodes: autoScale ? 5 : 0,
        nodes: Array.from({ length: count }, (_, n) => ({
          id: stableUuid(`node-${name}-${poolName}-${n}`),
          name: `${poolName}-${stableUuid(`node-${name}-${poolName}-${n}`).slice(0, 5)}`,
          status: { state: 'running' },
          droplet_id: String(330000000 + n + poolName.length * 10),
          created_at: createdAt,
          updated_at: createdAt,
        })),
      };
    }),
    maintenance_policy: { start_time: '04:00', duration: '4h0m0s', day: 'any' },
    auto_upgrade: false,
    status: { state: 'running', message: '' },
    created_at: createdAt,
    updated_at: createdAt,
    surge_upgrade: true,
    registry_enabled: true,
    ha: name.startsWith('prod'),
  };
}
