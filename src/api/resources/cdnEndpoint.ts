import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

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
  label: l10n.t('CDN endpoint'),
  pluralLabel: l10n.t('CDN endpoints'),
  path: '/v2/cdn/endpoints',
  collectionKey: 'endpoints',
  singleKey: 'endpoint',
  idOf: (c) => c.id,
  nameOf: (c) => c.endpoint,
  paginated: true,
});
