import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

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

export const functionsNamespace = defineKind<FunctionsNamespace>({
  // its functions, triggers and keys go with it
  deletable: true,
  heavyDelete: true,
  kind: 'functions_namespace',
  label: l10n.t('Functions namespace'),
  pluralLabel: l10n.t('Functions'),
  path: '/v2/functions/namespaces',
  collectionKey: 'namespaces',
  singleKey: 'namespace',
  idOf: (n) => n.namespace,
  nameOf: (n) => n.label,
  paginated: false,
});

/** A scheduled trigger of a namespace's function (the only type the API has). */
export interface FunctionsTrigger {
  namespace?: string;
  name: string;
  function: string;
  type: 'SCHEDULED' | string;
  is_enabled: boolean;
  created_at?: string;
  updated_at?: string;
  scheduled_details?: { cron: string; body?: Record<string, unknown> | null };
  scheduled_runs?: { last_run_at?: string | null; next_run_at?: string | null };
}

/** An access key of a namespace (its secret is answered once, when it is made). */
export interface FunctionsAccessKey {
  id: string;
  name: string;
  expires_at?: string | null;
  created_at?: string;
  updated_at?: string;
  secret?: string;
}

/** Trigger names: letters, digits, "-", "_" and ".", at most 64 (the control panel's rule). */
export function triggerNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 64) return l10n.t('At most 64 characters.');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value)) return l10n.t('Letters, digits, "-", "_" and ".", starting with a letter or digit.');
  return taken.includes(value) ? l10n.t('The namespace has a trigger named {0} already.', value) : undefined;
}

export const functionsTrigger = defineKind<FunctionsTrigger>({
  deletable: true,
  kind: 'functions_trigger',
  label: l10n.t('Trigger'),
  pluralLabel: l10n.t('Triggers'),
  path: (namespace) => `/v2/functions/namespaces/${namespace}/triggers`,
  collectionKey: 'triggers',
  singleKey: 'trigger',
  idOf: (t) => t.name,
  nameOf: (t) => t.name,
  paginated: false,
  parent: 'functions_namespace',
  nameProblem: triggerNameProblem,
});

export const functionsAccessKey = defineKind<FunctionsAccessKey>({
  deletable: true,
  kind: 'functions_access_key',
  label: l10n.t('Access key'),
  pluralLabel: l10n.t('Access keys'),
  path: (namespace) => `/v2/functions/namespaces/${namespace}/keys`,
  collectionKey: 'access_keys',
  singleKey: 'access_key',
  idOf: (k) => k.id,
  nameOf: (k) => k.name,
  paginated: false,
  parent: 'functions_namespace',
  deleteNote: () => l10n.t('Whatever calls the functions with it is refused from then on.'),
});
