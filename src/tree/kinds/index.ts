/** Every presented kind, in the order kind groups are shown. */
import type { Presenter } from './presenter';
import { dropletPresenter } from './droplet';
import { volumePresenter } from './volume';
import { snapshotPresenter } from './snapshot';
import { imagePresenter } from './image';
import { kubernetesClusterPresenter, kubernetesNodePresenter, nodePoolPresenter } from './kubernetes';
import { connectionPoolPresenter, databaseClusterPresenter, databaseDbPresenter, databaseFirewallRulePresenter, databaseUserPresenter } from './database';
import { registryPresenter, registryRepositoryPresenter, registryTagPresenter } from './registry';
import { loadBalancerPresenter } from './loadBalancer';
import { reservedIpPresenter } from './reservedIp';
import { reservedIpv6Presenter } from './reservedIpv6';
import { firewallPresenter } from './firewall';
import { vpcPresenter } from './vpc';
import { domainPresenter, domainRecordPresenter } from './domain';
import { appPresenter } from './app';
import { cdnEndpointPresenter } from './cdnEndpoint';
import { certificatePresenter } from './certificate';
import { functionsNamespacePresenter } from './functionsNamespace';
import { uptimeCheckPresenter } from './uptimeCheck';
import { sshKeyPresenter } from './sshKey';
import { tagPresenter } from './tag';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous registry
export type AnyPresenter = Presenter<any>;

export const PRESENTERS: readonly AnyPresenter[] = [
  dropletPresenter,
  kubernetesClusterPresenter,
  appPresenter,
  databaseClusterPresenter,
  volumePresenter,
  loadBalancerPresenter,
  reservedIpPresenter,
  domainPresenter,
  registryPresenter,
  functionsNamespacePresenter,
  snapshotPresenter,
  imagePresenter,
  reservedIpv6Presenter,
  firewallPresenter,
  vpcPresenter,
  certificatePresenter,
  cdnEndpointPresenter,
  uptimeCheckPresenter,
  sshKeyPresenter,
  tagPresenter,
];

export const PROJECT_PRESENTERS = PRESENTERS.filter((p) => p.placement === 'project');
export const ACCOUNT_PRESENTERS = PRESENTERS.filter((p) => p.placement === 'account');

export function presenterForUrnKind(kind: string): AnyPresenter | undefined {
  return PRESENTERS.find((p) => p.kind.kind === kind);
}

/** Kinds shown only under another resource (node pools, database users, DNS records, …). */
export const CHILD_PRESENTERS: readonly AnyPresenter[] = [
  nodePoolPresenter,
  kubernetesNodePresenter,
  databaseDbPresenter,
  databaseUserPresenter,
  connectionPoolPresenter,
  databaseFirewallRulePresenter,
  registryRepositoryPresenter,
  registryTagPresenter,
  domainRecordPresenter,
];

/** The presenter of any kind, top-level or child. */
export function presenterForKind(kind: string): AnyPresenter | undefined {
  return PRESENTERS.find((p) => p.kind.kind === kind) ?? CHILD_PRESENTERS.find((p) => p.kind.kind === kind);
}
