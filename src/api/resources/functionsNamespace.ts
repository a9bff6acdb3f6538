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
