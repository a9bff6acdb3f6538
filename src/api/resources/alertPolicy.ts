import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

/** What an alert policy watches: its `entities` are ids of this kind (droplets may also be tags). */
export type AlertTarget = 'droplet' | 'load_balancer' | 'database' | 'autoscale_pool';

/** The targets in the order the wizard offers them, each with its plural for texts. */
export const ALERT_TARGETS: readonly { target: AlertTarget; plural: string; singular: string }[] = [
  { target: 'droplet', singular: l10n.t('droplet'), plural: l10n.t('droplets') },
  { target: 'load_balancer', singular: l10n.t('load balancer'), plural: l10n.t('load balancers') },
  { target: 'database', singular: l10n.t('database cluster'), plural: l10n.t('database clusters') },
  { target: 'autoscale_pool', singular: l10n.t('autoscale pool'), plural: l10n.t('autoscale pools') },
];

/**
 * The metrics an alert policy can watch (the spec's `alert_policy_request.type`), with what they
 * watch and how a value of each is written. Labels are unique: a wizard's answer names one.
 */
export const ALERT_METRICS = [
  { type: 'v1/insights/droplet/cpu', target: 'droplet', label: 'CPU', unit: '%' },
  { type: 'v1/insights/droplet/memory_utilization_percent', target: 'droplet', label: l10n.t('Memory'), unit: '%' },
  { type: 'v1/insights/droplet/disk_utilization_percent', target: 'droplet', label: l10n.t('Disk usage'), unit: '%' },
  { type: 'v1/insights/droplet/load_1', target: 'droplet', label: l10n.t('Load (1 min)'), unit: '' },
  { type: 'v1/insights/droplet/load_5', target: 'droplet', label: l10n.t('Load (5 min)'), unit: '' },
  { type: 'v1/insights/droplet/load_15', target: 'droplet', label: l10n.t('Load (15 min)'), unit: '' },
  { type: 'v1/insights/droplet/public_outbound_bandwidth', target: 'droplet', label: l10n.t('Outbound bandwidth (public)'), unit: 'Mbps' },
  { type: 'v1/insights/droplet/public_inbound_bandwidth', target: 'droplet', label: l10n.t('Inbound bandwidth (public)'), unit: 'Mbps' },
  { type: 'v1/insights/droplet/private_outbound_bandwidth', target: 'droplet', label: l10n.t('Outbound bandwidth (private)'), unit: 'Mbps' },
  { type: 'v1/insights/droplet/private_inbound_bandwidth', target: 'droplet', label: l10n.t('Inbound bandwidth (private)'), unit: 'Mbps' },
  { type: 'v1/insights/droplet/disk_read', target: 'droplet', label: l10n.t('Disk reads'), unit: 'MB/s' },
  { type: 'v1/insights/droplet/disk_write', target: 'droplet', label: l10n.t('Disk writes'), unit: 'MB/s' },
  { type: 'v1/insights/lbaas/avg_cpu_utilization_percent', target: 'load_balancer', label: l10n.t('Load balancer CPU'), unit: '%' },
  { type: 'v1/insights/lbaas/connection_utilization_percent', target: 'load_balancer', label: l10n.t('Load balancer connections (of its limit)'), unit: '%' },
  { type: 'v1/insights/lbaas/droplet_health', target: 'load_balancer', label: l10n.t('Load balancer droplet health'), unit: '%' },
  {
    type: 'v1/insights/lbaas/tls_connections_per_second_utilization_percent',
    target: 'load_balancer',
    label: l10n.t('Load balancer new TLS connections (of its limit)'),
    unit: '%',
  },
  { type: 'v1/insights/lbaas/increase_in_http_error_rate_percentage_5xx', target: 'load_balancer', label: l10n.t('Load balancer 5xx rate rise'), unit: '%' },
  { type: 'v1/insights/lbaas/increase_in_http_error_rate_percentage_4xx', target: 'load_balancer', label: l10n.t('Load balancer 4xx rate rise'), unit: '%' },
  {
    type: 'v1/insights/lbaas/increase_in_http_error_rate_count_5xx',
    target: 'load_balancer',
    label: l10n.t('Load balancer 5xx count rise'),
    unit: 'responses',
  },
  {
    type: 'v1/insights/lbaas/increase_in_http_error_rate_count_4xx',
    target: 'load_balancer',
    label: l10n.t('Load balancer 4xx count rise'),
    unit: 'responses',
  },
  { type: 'v1/insights/lbaas/high_http_request_response_time', target: 'load_balancer', label: l10n.t('Load balancer response time'), unit: 'ms' },
  { type: 'v1/insights/lbaas/high_http_request_response_time_50p', target: 'load_balancer', label: l10n.t('Load balancer response time (p50)'), unit: 'ms' },
  { type: 'v1/insights/lbaas/high_http_request_response_time_95p', target: 'load_balancer', label: l10n.t('Load balancer response time (p95)'), unit: 'ms' },
  { type: 'v1/insights/lbaas/high_http_request_response_time_99p', target: 'load_balancer', label: l10n.t('Load balancer response time (p99)'), unit: 'ms' },
  { type: 'v1/dbaas/alerts/cpu_alerts', target: 'database', label: l10n.t('Database CPU'), unit: '%' },
  { type: 'v1/dbaas/alerts/memory_utilization_alerts', target: 'database', label: l10n.t('Database memory'), unit: '%' },
  { type: 'v1/dbaas/alerts/disk_utilization_alerts', target: 'database', label: l10n.t('Database disk usage'), unit: '%' },
  { type: 'v1/dbaas/alerts/load_15_alerts', target: 'database', label: l10n.t('Database load (15 min)'), unit: '' },
  { type: 'v1/droplet/autoscale_alerts/current_instances', target: 'autoscale_pool', label: l10n.t('Autoscale pool size'), unit: 'droplets' },
  { type: 'v1/droplet/autoscale_alerts/target_instances', target: 'autoscale_pool', label: l10n.t('Autoscale pool target size'), unit: 'droplets' },
  { type: 'v1/droplet/autoscale_alerts/current_cpu_utilization', target: 'autoscale_pool', label: l10n.t('Autoscale pool CPU'), unit: '%' },
  { type: 'v1/droplet/autoscale_alerts/target_cpu_utilization', target: 'autoscale_pool', label: l10n.t('Autoscale pool target CPU'), unit: '%' },
  { type: 'v1/droplet/autoscale_alerts/current_memory_utilization', target: 'autoscale_pool', label: l10n.t('Autoscale pool memory'), unit: '%' },
  { type: 'v1/droplet/autoscale_alerts/target_memory_utilization', target: 'autoscale_pool', label: l10n.t('Autoscale pool target memory'), unit: '%' },
  { type: 'v1/droplet/autoscale_alerts/scale_up', target: 'autoscale_pool', label: l10n.t('Autoscale pool scale-ups'), unit: 'droplets' },
  { type: 'v1/droplet/autoscale_alerts/scale_down', target: 'autoscale_pool', label: l10n.t('Autoscale pool scale-downs'), unit: 'droplets' },
] as const satisfies readonly { type: string; target: AlertTarget; label: string; unit: string }[];

/** What a policy of this type watches (droplets for a type this version does not know). */
export function alertTargetOf(type: string): AlertTarget {
  return ALERT_METRICS.find((m) => m.type === type)?.target ?? 'droplet';
}

export type AlertMetric = (typeof ALERT_METRICS)[number]['type'];

/** A monitoring alert policy (`/v2/monitoring/alerts`): on droplets, load balancers, database clusters or autoscale pools. */
export interface AlertPolicy {
  uuid: string;
  type: AlertMetric | string;
  description: string;
  compare: 'GreaterThan' | 'LessThan';
  value: number;
  window: '5m' | '10m' | '30m' | '1h';
  /** Ids of what it watches (droplet ids as strings, load balancer, database or pool ids). */
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
