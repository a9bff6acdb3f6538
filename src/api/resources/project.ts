import { defineKind } from './descriptor';

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
  nameProblem: (value, taken = []) => {
    const name = value.trim();
    if (!name) return 'A name is required.';
    if (name.length > 175) return 'At most 175 characters.';
    if (taken.includes(name)) return `The account has a project named ${name} already.`;
    return undefined;
  },
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
