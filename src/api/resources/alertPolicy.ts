import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

/** The droplet metrics an alert policy can watch, with how a value of each is written. */
export const ALERT_METRICS = [
  { type: 'v1/insights/droplet/cpu', label: 'CPU', unit: '%' },
  { type: 'v1/insights/droplet/memory_utilization_percent', label: l10n.t('Memory'), unit: '%' },
  { type: 'v1/insights/droplet/disk_utilization_percent', label: l10n.t('Disk usage'), unit: '%' },
  { type: 'v1/insights/droplet/load_1', label: l10n.t('Load (1 min)'), unit: '' },
  { type: 'v1/insights/droplet/load_5', label: l10n.t('Load (5 min)'), unit: '' },
  { type: 'v1/insights/droplet/load_15', label: l10n.t('Load (15 min)'), unit: '' },
  { type: 'v1/insights/droplet/public_outbound_bandwidth', label: l10n.t('Outbound bandwidth (public)'), unit: 'Mbps' },
  { type: 'v1/insights/droplet/public_inbound_bandwidth', label: l10n.t('Inbound bandwidth (public)'), unit: 'Mbps' },
  { type: 'v1/insights/droplet/disk_read', label: l10n.t('Disk reads'), unit: 'MB/s' },
  { type: 'v1/insights/droplet/disk_write', label: l10n.t('Disk writes'), unit: 'MB/s' },
] as const;

export type AlertMetric = (typeof ALERT_METRICS)[number]['type'];

/** A droplet monitoring alert policy (`/v2/monitoring/alerts`). */
export interface AlertPolicy {
  uuid: string;
  type: AlertMetric | string;
  description: string;
  compare: 'GreaterThan' | 'LessThan';
  value: number;
  window: '5m' | '10m' | '30m' | '1h';
  /** Droplet ids, as strings. */
  entities: string[];
  tags: string[];
  alerts: { email: string[]; slack: { channel: string; url: string }[] };
  enabled: boolean;
}

/** "CPU > 80 % for 5m". */
export function alertPolicyText(p: Pick<AlertPolicy, 'type' | 'compare' | 'value' | 'window'>): string {
  const metric = ALERT_METRICS.find((m) => m.type === p.type);
  return `${metric?.label ?? p.type.split('/').pop()} ${p.compare === 'GreaterThan' ? '>' : '<'} ${p.value}${metric?.unit ? ` ${metric.unit}` : ''} for ${p.window}`;
}

export const alertPolicy = defineKind<AlertPolicy>({
  deletable: true,
  kind: 'alert_policy',
  label: l10n.t('Alert policy'),
  pluralLabel: l10n.t('Alert policies'),
  path: '/v2/monitoring/alerts',
  collectionKey: 'policies',
  singleKey: 'policy',
  idOf: (p) => p.uuid,
  nameOf: (p) => p.description,
  paginated: true,
});
