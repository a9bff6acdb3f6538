/** Benchmark scale: many projects, each holding some of every kind (see `SeedOptions.scale`). */
import { appJson } from './apps';
import { type SeedContext, region, stableUuid } from './common';
import { dropletJson, volumeJson } from './compute';
import { databaseJson } from './databases';
import { nextRecordId, recordJson } from './domains';
import { k8sCluster } from './kubernetes';
import { firewallJson } from './network';
import { projectJson } from './projects';
import type { DemoData } from './state';

/** Adds the benchmark's projects and their resources to `data`. */
export function seedScale({ t, options }: SeedContext, data: DemoData): void {
  if (!options.scale) return;
  const { projects, projectResources, droplets, volumes, kubernetesClusters, databases, databaseUsers, databaseDbs, databasePools, databaseFirewalls } = data;
  const { loadBalancers, reservedIps, domains, domainRecords, apps, snapshots, sshKeys, firewalls, certificates } = data;
  let recordId = nextRecordId(domainRecords) - 1;
  const rec = (type: string, name: string, value: string) => recordJson(++recordId, type, name, value);
  const { projects: count, perKind } = options.scale;
  const regions = ['nyc1', 'nyc3', 'sfo3', 'ams3', 'fra1', 'lon1'];
  let n = 0;
  for (let p = 1; p <= count; p++) {
    const project = projectJson(`bench-project-${p}`, `Bench ${String(p).padStart(2, '0')}`, 'Benchmark project', 'Service or API', 'Production', false, t(30));
    projects.push(project);
    const urns: { urn: string; assigned_at: string }[] = [];
    for (let i = 1; i <= perKind; i++) {
      const r = regions[(p + i) % regions.length];
      const tag = `p${p}-${i}`;
      const d = dropletJson(400_000_000 + ++n, `p${p}-web-${i}`, r, 's-1vcpu-2gb', 'active', t(20), { tags: ['bench'] });
      droplets.push(d);
      const v = volumeJson(`p${p}-vol-${i}`, r, 50, [], t(20), ['bench']);
      volumes.push(v);
      const k = k8sCluster(`p${p}-k8s-${i}`, r, '1.33.1-do.0', t(20), [['pool', 's-2vcpu-2gb', 1, false]]);
      kubernetesClusters.push(k);
      const db = databaseJson(`p${p}-db-${i}`, 'pg', '17', r, 1, t(20));
      databases.push(db);
      databaseUsers[db.id] = [{ name: 'doadmin', role: 'primary' }];
      databaseDbs[db.id] = [{ name: 'defaultdb' }];
      databasePools[db.id] = [];
      databaseFirewalls[db.id] = [];
      const lb = { ...loadBalancers[0], id: stableUuid(`lb-${tag}`), name: `p${p}-lb-${i}`, droplet_ids: [d.id], region: region(r) };
      loadBalancers.push(lb);
      const ip = `198.18.${p}.${i}`;
      reservedIps.push({ ip, region: region(r), droplet: null, locked: false, project_id: project.id });
      const domainName = `p${p}-${i}.bench.example`;
      domains.push({ name: domainName, ttl: 1800, zone_file: null });
      domainRecords[domainName] = [rec('A', '@', ip)];
      apps.push({ ...appJson(`p${p}-app-${i}`, 'nyc', 'ACTIVE', t(20), t(1)), project_id: project.id });
      urns.push(
        ...[
          `do:droplet:${d.id}`,
          `do:volume:${v.id}`,
          `do:kubernetes:${k.id}`,
          `do:dbaas:${db.id}`,
          `do:loadbalancer:${lb.id}`,
          `do:floatingip:${ip}`,
          `do:domain:${domainName}`,
        ].map((urn) => ({ urn, assigned_at: t(20) })),
      );
      snapshots.push({
        id: String(500_000_000 + n),
        name: `p${p}-snap-${i}`,
        created_at: t(5),
        regions: [r],
        resource_id: String(d.id),
        resource_type: 'droplet',
        min_disk_size: 50,
        size_gigabytes: 3.1,
        tags: [],
      });
      sshKeys.push({
        id: 600_000_000 + n,
        fingerprint: `aa:bb:${String(n).padStart(4, '0')}`,
        public_key: `ssh-ed25519 AAAAbench${n} bench@${tag}`,
        name: `bench-key-${tag}`,
      });
      firewalls.push(firewallJson(`fw-${tag}`, t(20), [d.id], [], [['tcp', '443']]));
      certificates.push({ ...certificates[0], id: stableUuid(`cert-${tag}`), name: `cert-${tag}`, dns_names: [domainName] });
    }
    projectResources[project.id] = urns;
  }
}
