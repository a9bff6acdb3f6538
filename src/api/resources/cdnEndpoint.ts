import { defineKind } from './descriptor';

export interface CdnEndpoint {
  id: string;
  origin: string;
  endpoint: string;
  ttl: number;
  certificate_id?: string;
  custom_domain?: string;
  created_at: string;
}

export const cdnEndpoint = defineKind<CdnEndpoint>({
  deletable: true,
  kind: 'cdn_endpoint',
  label: 'CDN endpoint',
  pluralLabel: 'CDN endpoints',
  path: '/v2/cdn/endpoints',
  collectionKey: 'endpoints',
  singleKey: 'endpoint',
  idOf: (c) => c.id,
  nameOf: (c) => c.endpoint,
  paginated: true,
});
