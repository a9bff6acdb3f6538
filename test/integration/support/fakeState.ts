/**
 * The fake's whole state as the tests read it (`GET /__fake/data`), typed once with the
 * extension's own API types: what a test asserts against is what the extension reads, and the
 * fields the fake serves beyond those stay reachable. One shape for every suite.
 */
import type { AppDeployment } from '../../../src/api/operations';
import type { Account, Balance } from '../../../src/api/resources/account';
import type { AlertPolicy } from '../../../src/api/resources/alertPolicy';
import type { App } from '../../../src/api/resources/app';
import type { CdnEndpoint } from '../../../src/api/resources/cdnEndpoint';
import type { Certificate } from '../../../src/api/resources/certificate';
import type { ConnectionPool, DatabaseCluster, DatabaseDb, DatabaseFirewallRule, DatabaseUser } from '../../../src/api/resources/database';
import type { Domain, DomainRecord } from '../../../src/api/resources/domain';
import type { Droplet } from '../../../src/api/resources/droplet';
import type { Firewall } from '../../../src/api/resources/firewall';
import type { FunctionsNamespace } from '../../../src/api/resources/functionsNamespace';
import type { Image } from '../../../src/api/resources/image';
import type { KubernetesCluster } from '../../../src/api/resources/kubernetes';
import type { LoadBalancer } from '../../../src/api/resources/loadBalancer';
import type { Project } from '../../../src/api/resources/project';
import type { Registry, RegistryRepository, RegistryTag } from '../../../src/api/resources/registry';
import type { ReservedIp } from '../../../src/api/resources/reservedIp';
import type { ReservedIpv6 } from '../../../src/api/resources/reservedIpv6';
import type { Snapshot } from '../../../src/api/resources/snapshot';
import type { SpacesKey } from '../../../src/api/resources/spacesKey';
import type { SshKey } from '../../../src/api/resources/sshKey';
import type { UptimeAlert, UptimeCheck } from '../../../src/api/resources/uptimeCheck';
import type { Volume } from '../../../src/api/resources/volume';
import type { Vpc } from '../../../src/api/resources/vpc';
import type { VpcPeering } from '../../../src/api/resources/vpcPeering';
import type { DemoData } from '../../../src/demo/seed';
import { fake } from './env';

/** A resource as the fake keeps it: the API type, and whatever else it serves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake serves more fields than the extension's types name
export type Stored<T> = T & Record<string, any>;

type PerParent<T> = Record<string, Stored<T>[]>;

export interface FakeState extends Pick<DemoData, 'projectResources' | 'databaseCas'> {
  account: Stored<Account>;
  balance: Stored<Balance>;
  projects: Stored<Project>[];
  droplets: Stored<Droplet>[];
  volumes: Stored<Volume>[];
  snapshots: Stored<Snapshot>[];
  images: Stored<Image>[];
  kubernetesClusters: Stored<KubernetesCluster>[];
  databases: Stored<DatabaseCluster>[];
  databaseUsers: PerParent<DatabaseUser>;
  databaseDbs: PerParent<DatabaseDb>;
  databasePools: PerParent<ConnectionPool>;
  databaseFirewalls: PerParent<DatabaseFirewallRule>;
  registry: Stored<Registry> | null;
  repositories: Stored<RegistryRepository>[];
  repositoryTags: PerParent<RegistryTag>;
  loadBalancers: Stored<LoadBalancer>[];
  reservedIps: Stored<ReservedIp>[];
  reservedIpv6s: Stored<ReservedIpv6>[];
  firewalls: Stored<Firewall>[];
  vpcs: Stored<Vpc>[];
  vpcPeerings: Stored<VpcPeering>[];
  domains: Stored<Domain>[];
  domainRecords: PerParent<DomainRecord>;
  certificates: Stored<Certificate>[];
  cdnEndpoints: Stored<CdnEndpoint>[];
  apps: Stored<App>[];
  namespaces: Stored<FunctionsNamespace>[];
  sshKeys: Stored<SshKey>[];
  spacesKeys: Stored<SpacesKey>[];
  uptimeChecks: Stored<UptimeCheck>[];
  uptimeAlerts: PerParent<UptimeAlert>;
  alertPolicies: Stored<AlertPolicy>[];
  /** app id → its deployments, newest first (made by the fake on an app's first deployments request) */
  appDeployments: PerParent<AppDeployment>;
}

/** The fake's state now. */
export const fakeState = (): Promise<FakeState> => fake.call<FakeState>('GET', '/__fake/data');
