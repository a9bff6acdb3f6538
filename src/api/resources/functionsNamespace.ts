import { defineKind } from './descriptor';

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
