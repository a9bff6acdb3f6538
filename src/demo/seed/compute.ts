/** Droplets, volumes, snapshots and custom images. */
import type { Image } from '../../api/resources/image';
import type { Snapshot } from '../../api/resources/snapshot';
import { IMAGES, type Json, SIZES, type SeedContext, type Stored, region, stableUuid } from './common';
import type { DemoData } from './state';

/** The kernels a droplet on an externally managed kernel may boot (the API's are named like these). */
export const KERNELS = [
  { id: 7515, name: 'DigitalOcean GrubLoader v0.2 (20160714)', version: '2016.07.13-DigitalOcean_loader_Ubuntu' },
  { id: 8211, name: 'Ubuntu 16.04 x64 vmlinuz-4.4.0-210-generic', version: '4.4.0-210-generic' },
  { id: 8212, name: 'Ubuntu 16.04 x64 vmlinuz-4.4.0-213-generic', version: '4.4.0-213-generic' },
];

export function dropletJson(
  id: number,
  name: string,
  regionSlug: string,
  sizeSlug: string,
  status: 'new' | 'active' | 'off',
  createdAt: string,
  extra: { tags?: string[]; vpc?: string; volumeIds?: string[]; imageIndex?: number } = {},
): Json {
  const s = SIZES.find((x) => x.slug === sizeSlug) ?? SIZES[0];
  const octet = (id % 250) + 2;
  return {
    id,
    name,
    memory: s.memory,
    vcpus: s.vcpus,
    disk: s.disk,
    locked: false,
    status,
    kernel: null,
    created_at: createdAt,
    features: ['monitoring', 'private_networking'],
    backup_ids: [],
    next_backup_window: null,
    snapshot_ids: [],
    image: IMAGES[extra.imageIndex ?? 0],
    volume_ids: extra.volumeIds ?? [],
    size: s,
    size_slug: s.slug,
    networks: {
      v4: [
        { ip_address: `203.0.113.${octet}`, netmask: '255.255.240.0', gateway: '203.0.113.1', type: 'public' },
        { ip_address: `10.10.0.${octet}`, netmask: '255.255.0.0', gateway: '10.10.0.1', type: 'private' },
      ],
      v6: [],
    },
    region: region(regionSlug),
    tags: extra.tags ?? [],
    vpc_uuid: extra.vpc ?? stableUuid(`vpc-default-${regionSlug}`),
  };
}

export function volumeJson(name: string, r: string, gb: number, dropletIds: number[], createdAt: string, tags: string[]): Json {
  return {
    id: stableUuid(`volume-${name}`),
    droplet_ids: dropletIds,
    name,
    description: `Block storage for ${name}`,
    size_gigabytes: gb,
    created_at: createdAt,
    tags,
    region: region(r),
    filesystem_type: 'ext4',
    filesystem_label: name.slice(0, 16),
  };
}

export function seedCompute({
  t,
  options,
}: SeedContext): Pick<
  DemoData,
  | 'droplets'
  | 'dropletBackupPolicies'
  | 'dropletHosts'
  | 'volumes'
  | 'snapshots'
  | 'images'
  | 'dropletAutoscalePools'
  | 'autoscaleMembers'
  | 'autoscaleHistory'
  | 'nfsShares'
  | 'nfsSnapshots'
  | 'nfsAccessPoints'
> {
  const volumes = [volumeJson('web-uploads', 'nyc3', 100, [311000001], t(200), ['web']), volumeJson('pg-backups', 'ams3', 250, [], t(150), [])];

  const droplets = [
    dropletJson(311000001, 'web-1', 'nyc3', 's-2vcpu-4gb', 'active', t(210), { tags: ['web', 'production'], volumeIds: [volumes[0].id] }),
    dropletJson(311000002, 'web-2', 'nyc3', 's-2vcpu-4gb', 'active', t(210), { tags: ['web', 'production'] }),
    dropletJson(311000003, 'worker-1', 'nyc3', 's-4vcpu-8gb', 'active', t(120), { tags: ['worker'] }),
    dropletJson(311000004, 'etl-runner', 'ams3', 'c-2', 'off', t(90), { tags: ['data'], imageIndex: 2 }),
    dropletJson(311000005, 'bastion', 'ams3', 's-1vcpu-1gb', 'active', t(300), { imageIndex: 2 }),
    dropletJson(311000006, 'staging-app', 'sfo3', 's-1vcpu-2gb', 'active', t(30), { tags: ['staging'] }),
    dropletJson(311000007, 'gpu-lab', 'sfo3', 'g-2vcpu-8gb', 'off', t(12), { tags: ['data'] }),
  ];
  for (let i = 1; i <= (options.extraDroplets ?? 0); i++) {
    droplets.push(dropletJson(320000000 + i, `load-${i}`, 'nyc1', 's-1vcpu-1gb', 'active', t(5), { tags: ['load'] }));
  }

  const snapshots: Stored<Snapshot>[] = [
    {
      id: '159000001',
      name: 'web-1-before-upgrade',
      created_at: t(40),
      regions: ['nyc3'],
      resource_id: '311000001',
      resource_type: 'droplet',
      min_disk_size: 80,
      size_gigabytes: 9.4,
      tags: [],
    },
    {
      id: '159000002',
      name: 'bastion-2026-09',
      created_at: t(60),
      regions: ['ams3'],
      resource_id: '311000005',
      resource_type: 'droplet',
      min_disk_size: 25,
      size_gigabytes: 2.1,
      tags: null,
    },
    {
      id: stableUuid('snap-vol-uploads'),
      name: 'web-uploads-weekly',
      created_at: t(3),
      regions: ['nyc3'],
      resource_id: volumes[0].id,
      resource_type: 'volume',
      min_disk_size: 100,
      size_gigabytes: 31.5,
      tags: ['web'],
    },
  ];
  // the bastion is old enough to boot a kernel DigitalOcean manages (droplets before March 2017 did)
  droplets[4].kernel = KERNELS[1];
  droplets[0].snapshot_ids = [159000001];
  droplets[4].snapshot_ids = [159000002];

  const images: Stored<Image>[] = [
    {
      id: 178000001,
      name: 'acme-base-2026-10',
      type: 'custom',
      distribution: 'Ubuntu',
      slug: null,
      public: false,
      regions: ['nyc3', 'ams3'],
      created_at: t(25),
      min_disk_size: 20,
      size_gigabytes: 3.2,
      description: 'Hardened base image built by Packer',
      tags: ['base'],
      status: 'available',
      error_message: '',
    },
  ];
  // web-1 and web-2 are meant to stand in for each other, yet share a host with worker-1
  // worker-1 is the one droplet of an autoscale pool that may grow to four at 60 % CPU
  const pool = {
    id: stableUuid('autoscale-worker-pool'),
    name: 'worker-pool',
    config: { min_instances: 1, max_instances: 4, target_cpu_utilization: 0.6, cooldown_minutes: 5 },
    droplet_template: {
      name: 'worker',
      region: 'nyc3',
      size: 's-4vcpu-8gb',
      image: 'ubuntu-24-04-x64',
      ssh_keys: ['3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa'],
      tags: ['worker'],
      with_droplet_agent: true,
    },
    current_utilization: { cpu: 0.42, memory: 0.55 },
    created_at: t(120),
    updated_at: t(120),
    status: 'active',
    active_resources_count: 1,
  } as const;
  const autoscaleMembers = {
    [pool.id]: [
      {
        droplet_id: 311000003,
        created_at: t(120),
        updated_at: t(1),
        health_status: 'healthy',
        status: 'active',
        current_utilization: { cpu: 0.42, memory: 0.55 },
      },
    ],
  };
  const autoscaleHistory = {
    [pool.id]: [
      {
        history_event_id: stableUuid('autoscale-worker-pool-created'),
        current_instance_count: 0,
        desired_instance_count: 1,
        reason: 'CONFIGURATION_CHANGE',
        status: 'success',
        created_at: t(120),
        updated_at: t(120),
      },
    ],
  };
  // a share the nyc3 droplets mount, with its default access point and a snapshot
  const share = {
    id: stableUuid('nfs-shared-data'),
    name: 'shared-data',
    size_gib: 100,
    region: 'nyc3',
    status: 'ACTIVE',
    created_at: t(100),
    vpc_ids: [stableUuid('vpc-default-nyc3')],
    performance_tier: 'standard',
    host: '10.110.0.50',
    mount_path: '/2633050/shared-data',
  };
  const nfsAccessPoints = {
    [share.id]: [
      {
        id: stableUuid('nfs-shared-data-root'),
        name: 'default',
        share_id: share.id,
        path: '/',
        status: 'ACCESS_POINT_ACTIVE',
        access_policy: { anonuid: 65534, anongid: 65534, protocols: ['NFS4'], squash_config: 'ROOT_SQUASH', identity_enforcement_enabled: false },
        created_at: t(100),
        updated_at: t(100),
        is_default: true,
        vpc_id: stableUuid('vpc-default-nyc3'),
      },
    ],
  };
  const nfsSnapshots = [
    {
      id: stableUuid('nfs-shared-data-snap'),
      name: 'shared-data-weekly',
      size_gib: 100,
      region: 'nyc3',
      status: 'ACTIVE',
      created_at: t(7),
      share_id: share.id,
    },
  ];
  return {
    nfsShares: [share] as never,
    nfsSnapshots: nfsSnapshots as never,
    nfsAccessPoints: nfsAccessPoints as never,
    droplets,
    dropletBackupPolicies: {},
    dropletHosts: [[311000001, 311000002, 311000003]],
    volumes,
    snapshots,
    images,
    dropletAutoscalePools: [pool] as never,
    autoscaleMembers: autoscaleMembers as never,
    autoscaleHistory: autoscaleHistory as never,
  };
}
