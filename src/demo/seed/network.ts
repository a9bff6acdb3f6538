/** VPCs with their peerings and NAT gateways, load balancers, reserved IPs, cloud firewalls and CDN endpoints. */
import type { NatGateway } from '../../api/resources/natGateway';
import type { VpcPeering } from '../../api/resources/vpcPeering';
import type { LoadBalancer } from '../../api/resources/loadBalancer';
import { type Json, type SeedContext, type Stored, region, stableUuid } from './common';
import type { DemoData } from './state';

type Network = Pick<
  DemoData,
  | 'vpcs'
  | 'vpcPeerings'
  | 'vpcNatGateways'
  | 'loadBalancers'
  | 'reservedIps'
  | 'reservedIpv6s'
  | 'firewalls'
  | 'cdnEndpoints'
  | 'cdnPurges'
  | 'byoipPrefixes'
  | 'byoipIps'
  | 'partnerAttachments'
  | 'partnerDetails'
>;

/** `droplets`: the seeded droplets (a reserved IP embeds the droplet it is assigned to). */
export function seedNetwork({ t }: SeedContext, { droplets }: Pick<DemoData, 'droplets'>): Network {
  const vpcs = ['nyc3', 'sfo3', 'ams3'].map((r, i) => ({
    id: stableUuid(`vpc-default-${r}`),
    urn: `do:vpc:${stableUuid(`vpc-default-${r}`)}`,
    name: `default-${r}`,
    description: '',
    region: r,
    ip_range: `10.1${i}.0.0/20`,
    default: true,
    created_at: t(400),
  }));

  const vpcPeerings: Stored<VpcPeering>[] = [
    {
      id: stableUuid('vpc-peering-nyc3-ams3'),
      name: 'nyc3-ams3-link',
      vpc_ids: [vpcs[0].id, vpcs[2].id],
      status: 'ACTIVE',
      created_at: t(90),
    },
  ];

  const loadBalancers: Stored<LoadBalancer>[] = [
    {
      id: stableUuid('lb-web'),
      name: 'web-lb',
      ip: '198.51.100.10',
      ipv6: '',
      size_unit: 1,
      size: 'lb-small',
      algorithm: 'round_robin',
      status: 'active',
      created_at: t(200),
      forwarding_rules: [
        {
          entry_protocol: 'https',
          entry_port: 443,
          target_protocol: 'http',
          target_port: 8080,
          certificate_id: stableUuid('cert-acme'),
          tls_passthrough: false,
        },
        { entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 8080, certificate_id: '', tls_passthrough: false },
      ],
      health_check: {
        protocol: 'http',
        port: 8080,
        path: '/healthz',
        check_interval_seconds: 10,
        response_timeout_seconds: 5,
        healthy_threshold: 3,
        unhealthy_threshold: 3,
      },
      sticky_sessions: { type: 'none' },
      redirect_http_to_https: true,
      enable_proxy_protocol: false,
      enable_backend_keepalive: false,
      http_idle_timeout_seconds: 60,
      vpc_uuid: stableUuid('vpc-default-nyc3'),
      project_id: stableUuid('project-web'),
      disable_lets_encrypt_dns_records: false,
      firewall: { deny: [], allow: [] },
      network: 'EXTERNAL',
      network_stack: 'IPV4',
      type: 'REGIONAL',
      droplet_ids: [311000001, 311000002],
      region: region('nyc3'),
    },
  ];

  const reservedIps = [
    { ip: '192.0.2.50', region: region('nyc3'), droplet: droplets[0], locked: false, project_id: stableUuid('project-web') },
    { ip: '192.0.2.51', region: region('ams3'), droplet: null, locked: false, project_id: stableUuid('project-data') },
  ];
  const reservedIpv6s = [{ ip: '2001:db8:1001::20', region_slug: 'nyc3', reserved_at: t(20), droplet: null }];

  const firewalls = [
    firewallJson(
      'web-public',
      t(200),
      [311000001, 311000002],
      ['web'],
      [
        ['tcp', '80'],
        ['tcp', '443'],
      ],
    ),
    firewallJson('ssh-bastion-only', t(300), [311000005], [], [['tcp', '22']]),
  ];

  const cdnEndpoints = [
    {
      id: stableUuid('cdn-assets'),
      origin: 'acme-assets.nyc3.digitaloceanspaces.com',
      endpoint: 'acme-assets.nyc3.cdn.digitaloceanspaces.com',
      ttl: 3600,
      created_at: t(250),
    },
  ];
  const vpcNatGateways: Stored<NatGateway>[] = [
    {
      id: stableUuid('nat-ams3-egress'),
      name: 'ams3-egress',
      type: 'PUBLIC',
      state: 'ACTIVE',
      region: 'ams3',
      size: 1,
      vpcs: [{ vpc_uuid: vpcs[2].id, gateway_ip: '10.12.0.5', default_gateway: true }],
      egresses: { public_gateways: [{ ipv4: '203.0.113.200' }] },
      udp_timeout_seconds: 30,
      icmp_timeout_seconds: 30,
      tcp_timeout_seconds: 60,
      created_at: t(45),
      updated_at: t(10),
    },
  ];

  // a /24 brought to nyc3, advertised, with one address on web-1
  const byoipPrefixes: Network['byoipPrefixes'] = [
    {
      uuid: stableUuid('byoip-acme-24'),
      name: 'acme-owned',
      prefix: '198.18.7.0/24',
      status: 'active',
      region: 'nyc3',
      validations: [
        { name: 'SIGNATURE HASH', status: 'PASSED', note: '' },
        { name: 'RPKI', status: 'PASSED', note: '' },
      ],
      failure_reason: '',
      locked: false,
      advertised: true,
      project_id: '',
    },
  ];
  const byoipIps: Network['byoipIps'] = {
    [byoipPrefixes[0].uuid]: [
      { id: 10001, byoip: byoipPrefixes[0].uuid, region: 'nyc3', resource: 'do:droplet:311000001', assigned_at: t(30), ip: '198.18.7.10' },
    ],
  };
  // a 1 Gbps link from the nyc3 VPC to the office through Megaport
  const partnerAttachments: Network['partnerAttachments'] = [
    {
      id: stableUuid('partner-office-link'),
      name: 'office-link',
      state: 'ACTIVE',
      connection_bandwidth_in_mbps: 1000,
      region: 'nyc',
      naas_provider: 'MEGAPORT',
      vpc_ids: [vpcs[0].id],
      bgp: { local_asn: 64532, peer_asn: 64600, local_router_ip: '169.254.0.1/29', peer_router_ip: '169.254.0.6/29' },
      created_at: t(70),
    },
  ];
  const partnerDetails: Network['partnerDetails'] = {
    [partnerAttachments[0].id]: {
      remoteRoutes: ['192.168.10.0/24', '192.168.20.0/24'],
      serviceKey: 'demo-service-key-not-secret-7f3a',
      bgpAuthKey: 'demo-bgp-md5-key-not-secret',
    },
  };

  return {
    vpcs,
    vpcPeerings,
    vpcNatGateways,
    loadBalancers,
    reservedIps,
    reservedIpv6s,
    firewalls,
    cdnEndpoints,
    cdnPurges: {},
    byoipPrefixes,
    byoipIps,
    partnerAttachments,
    partnerDetails,
  };
}

export function firewallJson(name: string, createdAt: string, dropletIds: number[], tags: string[], ports: [string, string][]): Json {
  return {
    id: stableUuid(`fw-${name}`),
    status: 'succeeded',
    created_at: createdAt,
    pending_changes: [],
    name,
    droplet_ids: dropletIds,
    tags,
    inbound_rules: ports.map(([protocol, p]) => ({ protocol, ports: p, sources: { addresses: ['0.0.0.0/0', '::/0'] } })),
    outbound_rules: [
      { protocol: 'tcp', ports: '0', destinations: { addresses: ['0.0.0.0/0', '::/0'] } },
      { protocol: 'udp', ports: '0', destinations: { addresses: ['0.0.0.0/0', '::/0'] } },
    ],
  };
}
