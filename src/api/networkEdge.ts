/**
 * What BYOIP prefixes and partner attachments have besides their own record: a prefix's
 * addresses in use and whether it is advertised; an attachment's routes learned from the other
 * side, and its service key and BGP authentication key (secrets: for the clipboard only).
 */
import type { DigitalOceanClient } from './client';
import type { ByoipAllocation, ByoipPrefix } from './resources/byoipPrefix';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

/** The prefix's addresses given to resources (first 200). */
export async function byoipAllocations(client: Requester, prefixId: string, signal?: AbortSignal): Promise<ByoipAllocation[]> {
  const body = await client.request<{ ips?: ByoipAllocation[] }>('GET', `/v2/byoip_prefixes/${seg(prefixId)}/ips`, { query: { per_page: 200 }, signal });
  return body?.ips ?? [];
}

/** Starts or stops announcing the prefix from DigitalOcean's network. */
export async function advertiseByoipPrefix(client: Requester, prefixId: string, advertise: boolean, signal?: AbortSignal): Promise<ByoipPrefix | undefined> {
  const body = await client.request<{ byoip_prefix?: ByoipPrefix }>('PATCH', `/v2/byoip_prefixes/${seg(prefixId)}`, { body: { advertise }, signal });
  return body?.byoip_prefix;
}

/** The networks the partner's side announces to the attachment. */
export async function partnerRemoteRoutes(client: Requester, attachmentId: string, signal?: AbortSignal): Promise<string[]> {
  const body = await client.request<{ remote_routes?: { cidr: string }[] }>(
    'GET',
    `/v2/partner_network_connect/attachments/${seg(attachmentId)}/remote_routes`,
    { query: { per_page: 200 }, signal },
  );
  return (body?.remote_routes ?? []).map((r) => r.cidr);
}

/** The key the partner's portal asks for to complete the connection (a secret). */
export async function partnerServiceKey(
  client: Requester,
  attachmentId: string,
  signal?: AbortSignal,
): Promise<{ value?: string; state?: string; created_at?: string }> {
  const body = await client.request<{ service_key?: { value?: string; state?: string; created_at?: string } }>(
    'GET',
    `/v2/partner_network_connect/attachments/${seg(attachmentId)}/service_key`,
    { signal },
  );
  return body?.service_key ?? {};
}

/** The BGP session's MD5 authentication key (a secret). */
export async function partnerBgpAuthKey(client: Requester, attachmentId: string, signal?: AbortSignal): Promise<string | undefined> {
  const body = await client.request<{ bgp_auth_key?: { value?: string } }>('GET', `/v2/partner_network_connect/attachments/${seg(attachmentId)}/bgp_auth_key`, {
    signal,
  });
  return body?.bgp_auth_key?.value;
}
