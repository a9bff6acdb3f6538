import { defineKind } from './descriptor';

export interface Certificate {
  id: string;
  name: string;
  not_after: string;
  sha1_fingerprint: string;
  created_at: string;
  dns_names: string[];
  state: 'pending' | 'verified' | 'error';
  type: 'custom' | 'lets_encrypt';
}

export interface CdnEndpoint {
  id: string;
  origin: string;
  endpoint: string;
  ttl: number;
  certificate_id?: string;
  custom_domain?: string;
  created_at: string;
}

export type AppDeploymentPhase =
  | 'UNKNOWN'
  | 'PENDING_BUILD'
  | 'BUILDING'
  | 'PENDING_DEPLOY'
  | 'DEPLOYING'
  | 'ACTIVE'
  | 'SUPERSEDED'
  | 'ERROR'
  | 'CANCELED';

export interface App {
  id: string;
  spec: { name: string; region?: string; services?: { name: string }[]; static_sites?: { name: string }[] };
  default_ingress?: string;
  live_url?: string;
  region?: { slug: string; label?: string };
  tier_slug?: string;
  created_at: string;
  updated_at?: string;
  last_deployment_active_at?: string;
  active_deployment?: { id: string; phase: AppDeploymentPhase };
  in_progress_deployment?: { id: string; phase: AppDeploymentPhase };
  project_id?: string;
}

export interface FunctionsNamespace {
  api_host: string;
  namespace: string;
  created_at: string;
  updated_at: string;
  label: string;
  region: string;
  uuid: string;
  key: string;
}

export interface UptimeCheck {
  id: string;
  name: string;
  type: 'ping' | 'http' | 'https';
  target: string;
  regions: string[];
  enabled: boolean;
}

export const certificate = defineKind<Certificate>({
  deletable: true,
  kind: 'certificate',
  label: 'Certificate',
  pluralLabel: 'Certificates',
  path: '/v2/certificates',
  collectionKey: 'certificates',
  singleKey: 'certificate',
  idOf: (c) => c.id,
  nameOf: (c) => c.name,
  paginated: true,
});

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

export const app = defineKind<App>({
  deletable: true,
  kind: 'app',
  heavyDelete: true,
  label: 'App',
  pluralLabel: 'Apps',
  path: '/v2/apps',
  collectionKey: 'apps',
  singleKey: 'app',
  idOf: (a) => a.id,
  nameOf: (a) => a.spec.name,
  urnPrefix: 'do:app:',
  paginated: true,
});

export const functionsNamespace = defineKind<FunctionsNamespace>({
  kind: 'functions_namespace',
  label: 'Functions namespace',
  pluralLabel: 'Functions',
  path: '/v2/functions/namespaces',
  collectionKey: 'namespaces',
  singleKey: 'namespace',
  idOf: (n) => n.namespace,
  nameOf: (n) => n.label,
  paginated: false,
});

export const uptimeCheck = defineKind<UptimeCheck>({
  deletable: true,
  kind: 'uptime_check',
  label: 'Uptime check',
  pluralLabel: 'Uptime checks',
  path: '/v2/uptime/checks',
  collectionKey: 'checks',
  singleKey: 'check',
  idOf: (c) => c.id,
  nameOf: (c) => c.name,
  paginated: true,
});
