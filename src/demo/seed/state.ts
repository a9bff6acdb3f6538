/** The shape of the fake's whole state. */
import type { Account, Balance } from '../../api/resources/account';
import type { AlertPolicy } from '../../api/resources/alertPolicy';
import type { App } from '../../api/resources/app';
import type { NfsAccessPoint, NfsShare, NfsSnapshot } from '../../api/resources/nfsShare';
import type { AutoscaleHistoryEvent, AutoscaleMember, AutoscalePool } from '../../api/resources/autoscalePool';
import type { ByoipAllocation, ByoipPrefix } from '../../api/resources/byoipPrefix';
import type { CdnEndpoint } from '../../api/resources/cdnEndpoint';
import type { Certificate } from '../../api/resources/certificate';
import type {
  ConnectionPool,
  DatabaseCluster,
  DatabaseDb,
  DatabaseFirewallRule,
  DatabaseLogSink,
  DatabaseReplica,
  DatabaseUser,
  KafkaTopic,
  OpenSearchIndex,
} from '../../api/resources/database';
import type { Domain, DomainRecord } from '../../api/resources/domain';
import type { Droplet } from '../../api/resources/droplet';
import type { Firewall } from '../../api/resources/firewall';
import type { FunctionsAccessKey, FunctionsNamespace, FunctionsTrigger } from '../../api/resources/functionsNamespace';
import type { Image } from '../../api/resources/image';
import type { KubernetesCluster } from '../../api/resources/kubernetes';
import type { NatGateway } from '../../api/resources/natGateway';
import type { LoadBalancer } from '../../api/resources/loadBalancer';
import type { PartnerAttachment } from '../../api/resources/partnerAttachment';
import type { Project } from '../../api/resources/project';
import type { Registry, RegistryRepository, RegistryTag } from '../../api/resources/registry';
import type { ReservedIp } from '../../api/resources/reservedIp';
import type { ReservedIpv6 } from '../../api/resources/reservedIpv6';
import type { Snapshot } from '../../api/resources/snapshot';
import type { SpacesKey } from '../../api/resources/spacesKey';
import type { SshKey } from '../../api/resources/sshKey';
import type { UptimeAlert, UptimeCheck } from '../../api/resources/uptimeCheck';
import type { Volume } from '../../api/resources/volume';
import type { Vpc } from '../../api/resources/vpc';
import type { VpcPeering } from '../../api/resources/vpcPeering';
import type { PerParent, Stored } from './common';

/** The fake's whole state, typed with the extension's own API types (the tests read the same shape). */
export interface DemoData {
  account: Stored<Account>;
  balance: Stored<Balance>;
  projects: Stored<Project>[];
  /** project id → URNs assigned to it */
  projectResources: Record<string, { urn: string; assigned_at: string }[]>;
  droplets: Stored<Droplet>[];
  dropletAutoscalePools: Stored<AutoscalePool>[];
  nfsShares: Stored<NfsShare>[];
  nfsSnapshots: Stored<NfsSnapshot>[];
  /** share id → its access points */
  nfsAccessPoints: PerParent<NfsAccessPoint>;
  /** pool id → its droplets (each also in `droplets`), and what it did */
  autoscaleMembers: PerParent<AutoscaleMember>;
  autoscaleHistory: PerParent<AutoscaleHistoryEvent>;
  /** droplet id → the backup policy it was given (droplets with backups only) */
  dropletBackupPolicies: Record<string, { plan: 'daily' | 'weekly'; weekday?: string; hour: number }>;
  /** droplets of the account that share a physical host, by id */
  dropletHosts: number[][];
  volumes: Stored<Volume>[];
  snapshots: Stored<Snapshot>[];
  images: Stored<Image>[];
  kubernetesClusters: Stored<KubernetesCluster>[];
  databases: Stored<DatabaseCluster>[];
  databaseUsers: PerParent<DatabaseUser>;
  databaseDbs: PerParent<DatabaseDb>;
  databasePools: PerParent<ConnectionPool>;
  /** database id → its read-only replicas */
  databaseReplicas: PerParent<DatabaseReplica>;
  /** database id → where it forwards its logs */
  databaseLogSinks: PerParent<DatabaseLogSink>;
  /** Kafka cluster id → its topics (with their settings) */
  databaseTopics: PerParent<KafkaTopic>;
  /** OpenSearch cluster id → its indexes */
  databaseIndexes: PerParent<OpenSearchIndex>;
  /** database id → trusted sources */
  databaseFirewalls: PerParent<DatabaseFirewallRule>;
  /** database id → the PEM of the CA that signed its server certificate (else the demo's CA) */
  databaseCas: Record<string, string>;
  /** Per cluster: MySQL's SQL mode, Valkey's and Redis's eviction policy, storage autoscale. */
  databaseSettings: Record<
    string,
    {
      sql_mode?: string;
      eviction_policy?: string;
      autoscale?: { enabled: boolean; threshold_percent?: number; increment_gib?: number };
      /** What a cluster restored from a backup came from (the API does not say; tests read it here). */
      restored_from?: { database_name: string; backup_created_at?: string };
      /** The engine configuration (`/config`), made from the engine's defaults when first read. */
      config?: Record<string, unknown>;
    }
  >;
  registry: Stored<Registry> | null;
  repositories: Stored<RegistryRepository>[];
  repositoryTags: PerParent<RegistryTag>;
  loadBalancers: Stored<LoadBalancer>[];
  reservedIps: Stored<ReservedIp>[];
  reservedIpv6s: Stored<ReservedIpv6>[];
  firewalls: Stored<Firewall>[];
  vpcs: Stored<Vpc>[];
  vpcPeerings: Stored<VpcPeering>[];
  vpcNatGateways: Stored<NatGateway>[];
  byoipPrefixes: Stored<ByoipPrefix>[];
  /** BYOIP prefix id → its addresses given to resources */
  byoipIps: PerParent<ByoipAllocation>;
  partnerAttachments: Stored<PartnerAttachment>[];
  /** Partner attachment id → what the API reads apart: learned routes and the two keys */
  partnerDetails: Record<string, { remoteRoutes: string[]; serviceKey: string; bgpAuthKey: string }>;
  domains: Stored<Domain>[];
  domainRecords: PerParent<DomainRecord>;
  certificates: Stored<Certificate>[];
  cdnEndpoints: Stored<CdnEndpoint>[];
  /** CDN endpoint id → the lists of paths purged from its cache, in order */
  cdnPurges: Record<string, string[][]>;
  apps: Stored<App>[];
  namespaces: Stored<FunctionsNamespace>[];
  /** Namespace → its scheduled triggers */
  functionsTriggers: PerParent<FunctionsTrigger>;
  /** Namespace → its access keys (never their secrets: those are answered once) */
  functionsKeys: PerParent<FunctionsAccessKey>;
  sshKeys: Stored<SshKey>[];
  spacesKeys: Stored<SpacesKey>[];
  uptimeChecks: Stored<UptimeCheck>[];
  uptimeAlerts: PerParent<UptimeAlert>;
  alertPolicies: Stored<AlertPolicy>[];
}
