/** Every resource kind the client knows, by its `kind` key. */
import type { ResourceKind } from './descriptor';
import { droplet, dropletSize } from './droplet';
import { volume } from './volume';
import { snapshot } from './snapshot';
import { image } from './image';
import { kubernetesCluster, kubernetesNode, nodePool } from './kubernetes';
import { connectionPool, databaseCluster, databaseDb, databaseFirewallRule, databaseUser } from './database';
import { registry, registryRepository, registryTag } from './registry';
import { firewall } from './firewall';
import { loadBalancer } from './loadBalancer';
import { reservedIp } from './reservedIp';
import { reservedIpv6 } from './reservedIpv6';
import { vpc } from './vpc';
import { domain, domainRecord } from './domain';
import { app } from './app';
import { cdnEndpoint } from './cdnEndpoint';
import { certificate } from './certificate';
import { functionsNamespace } from './functionsNamespace';
import { uptimeCheck } from './uptimeCheck';
import { project, projectResource } from './project';
import { sshKey } from './sshKey';
import { tag } from './tag';
import { region } from './region';

export * from './descriptor';
export * from './droplet';
export * from './volume';
export * from './snapshot';
export * from './image';
export * from './kubernetes';
export * from './database';
export * from './registry';
export * from './loadBalancer';
export * from './reservedIp';
export * from './reservedIpv6';
export * from './firewall';
export * from './vpc';
export * from './domain';
export * from './certificate';
export * from './cdnEndpoint';
export * from './app';
export * from './functionsNamespace';
export * from './uptimeCheck';
export * from './account';
export * from './project';
export * from './sshKey';
export * from './tag';
export * from './region';

export const ALL_KINDS: readonly ResourceKind<never>[] = [
  droplet,
  dropletSize,
  volume,
  snapshot,
  image,
  kubernetesCluster,
  nodePool,
  kubernetesNode,
  databaseCluster,
  databaseDb,
  databaseUser,
  connectionPool,
  databaseFirewallRule,
  registry,
  registryRepository,
  registryTag,
  loadBalancer,
  reservedIp,
  reservedIpv6,
  firewall,
  vpc,
  domain,
  domainRecord,
  certificate,
  cdnEndpoint,
  app,
  functionsNamespace,
  uptimeCheck,
  sshKey,
  tag,
  project,
  projectResource,
  region,
] as ResourceKind<never>[];

export function kindByKey(key: string): ResourceKind<never> | undefined {
  return ALL_KINDS.find((k) => k.kind === key);
}

/** The kind a project resource URN ("do:droplet:123") refers to, and its id. */
export function parseUrn(urn: string): { kind?: ResourceKind<never>; id: string } {
  const kind = ALL_KINDS.find((k) => k.urnPrefix && urn.startsWith(k.urnPrefix));
  const id = kind ? urn.slice(kind.urnPrefix!.length) : urn.split(':').slice(2).join(':');
  return { kind, id };
}
