import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

/** A private connection from the account's VPCs to another network through a partner (Megaport). */
export interface PartnerAttachment {
  id: string;
  name: string;
  state: string;
  connection_bandwidth_in_mbps: number;
  /** A metro: nyc, ams, … */
  region: string;
  naas_provider: string;
  vpc_ids: string[];
  bgp?: { local_asn?: number; peer_asn?: number; local_router_ip?: string; peer_router_ip?: string };
  created_at: string;
  parent_uuid?: string;
  children?: string[];
}

export const partnerAttachment = defineKind<PartnerAttachment>({
  // created with the partner's side set up first: read here, deleted with the name typed
  deletable: true,
  heavyDelete: true,
  kind: 'partner_attachment',
  label: l10n.t('Partner attachment'),
  pluralLabel: l10n.t('Partner attachments'),
  path: '/v2/partner_network_connect/attachments',
  collectionKey: 'partner_attachments',
  singleKey: 'partner_attachment',
  idOf: (a) => a.id,
  nameOf: (a) => a.name,
  paginated: true,
});
