import { defineKind } from './descriptor';

export interface Account {
  email: string;
  uuid: string;
  status: 'active' | 'warning' | 'locked';
  status_message: string;
  email_verified: boolean;
  droplet_limit: number;
  floating_ip_limit: number;
  volume_limit?: number;
  team?: { uuid: string; name: string };
}

export interface SshKey {
  id: number;
  fingerprint: string;
  public_key: string;
  name: string;
}

export interface Tag {
  name: string;
  resources: { count: number; last_tagged_uri?: string };
}

export interface Project {
  id: string;
  owner_uuid: string;
  owner_id: number;
  name: string;
  description: string;
  purpose: string;
  environment: 'Development' | 'Staging' | 'Production';
  created_at: string;
  updated_at: string;
  is_default: boolean;
}

export interface ProjectResource {
  urn: string;
  assigned_at: string;
  links: { self: string };
  status: 'ok' | 'not_found' | 'assigned' | 'already_assigned' | 'service_down';
}

export interface Balance {
  month_to_date_balance: string;
  account_balance: string;
  month_to_date_usage: string;
  generated_at: string;
}

export const sshKey = defineKind<SshKey>({
  deletable: true,
  kind: 'ssh_key',
  label: 'SSH key',
  pluralLabel: 'SSH keys',
  path: '/v2/account/keys',
  collectionKey: 'ssh_keys',
  singleKey: 'ssh_key',
  idOf: (k) => String(k.id),
  nameOf: (k) => k.name,
  paginated: true,
});

export const tag = defineKind<Tag>({
  kind: 'tag',
  label: 'Tag',
  pluralLabel: 'Tags',
  path: '/v2/tags',
  collectionKey: 'tags',
  singleKey: 'tag',
  idOf: (t) => t.name,
  nameOf: (t) => t.name,
  paginated: true,
});

export const project = defineKind<Project>({
  kind: 'project',
  label: 'Project',
  pluralLabel: 'Projects',
  path: '/v2/projects',
  collectionKey: 'projects',
  singleKey: 'project',
  idOf: (p) => p.id,
  nameOf: (p) => p.name,
  paginated: true,
});

export const projectResource = defineKind<ProjectResource>({
  kind: 'project_resource',
  label: 'Project resource',
  pluralLabel: 'Project resources',
  path: (projectId) => `/v2/projects/${projectId}/resources`,
  collectionKey: 'resources',
  singleKey: 'resource',
  idOf: (r) => r.urn,
  nameOf: (r) => r.urn,
  paginated: true,
  parent: 'project',
});
