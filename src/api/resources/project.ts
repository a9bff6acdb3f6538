import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface Project {
  id: string;
  owner_uuid: string;
  owner_id: number;
  name: string;
  description: string;
  purpose: string;
  environment?: 'Development' | 'Staging' | 'Production';
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

export const project = defineKind<Project>({
  kind: 'project',
  label: l10n.t('Project'),
  pluralLabel: l10n.t('Projects'),
  path: '/v2/projects',
  collectionKey: 'projects',
  singleKey: 'project',
  idOf: (p) => p.id,
  nameOf: (p) => p.name,
  paginated: true,
  nameProblem: (value, taken = []) => {
    const name = value.trim();
    if (!name) return l10n.t('A name is required.');
    if (name.length > 175) return l10n.t('At most 175 characters.');
    if (taken.includes(name)) return l10n.t('The account has a project named {0} already.', name);
    return undefined;
  },
});

export const projectResource = defineKind<ProjectResource>({
  kind: 'project_resource',
  label: l10n.t('Project resource'),
  pluralLabel: l10n.t('Project resources'),
  path: (projectId) => `/v2/projects/${projectId}/resources`,
  collectionKey: 'resources',
  singleKey: 'resource',
  idOf: (r) => r.urn,
  nameOf: (r) => r.urn,
  paginated: true,
  parent: 'project',
});
