import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

/** A fixed number of droplets, or a range scaled by CPU and memory use. */
export type AutoscaleConfig =
  | { target_number_instances: number }
  | { min_instances: number; max_instances: number; target_cpu_utilization?: number; target_memory_utilization?: number; cooldown_minutes?: number };

/** What each droplet of the pool is made from. */
export interface DropletTemplate {
  name?: string;
  region: string;
  size: string;
  image: string;
  ssh_keys: string[];
  tags?: string[];
  vpc_uuid?: string;
  with_droplet_agent?: boolean;
  project_id?: string;
  ipv6?: boolean;
  user_data?: string;
  public_networking?: boolean;
}

/** A droplet autoscale pool: droplets made from one template, kept at a count or scaled between bounds. */
export interface AutoscalePool {
  id: string;
  name: string;
  config: AutoscaleConfig;
  droplet_template: DropletTemplate;
  current_utilization?: { memory?: number; cpu?: number };
  created_at: string;
  updated_at: string;
  status: 'active' | 'deleting' | 'error';
  active_resources_count: number;
}

export interface AutoscaleMember {
  droplet_id: number;
  created_at: string;
  updated_at: string;
  health_status: 'healthy' | 'unhealthy';
  unhealthy_reason?: string;
  status: 'provisioning' | 'active' | 'deleting' | 'off';
  current_utilization?: { memory?: number; cpu?: number };
}

export interface AutoscaleHistoryEvent {
  history_event_id: string;
  current_instance_count: number;
  desired_instance_count: number;
  reason: 'CONFIGURATION_CHANGE' | 'SCALE_UP' | 'SCALE_DOWN';
  status: 'in_progress' | 'success' | 'error';
  created_at: string;
  updated_at: string;
}

/** The pool's bounds: [n, n] for a fixed count. */
export function poolBounds(c: AutoscaleConfig): [number, number] {
  return 'target_number_instances' in c ? [c.target_number_instances, c.target_number_instances] : [c.min_instances, c.max_instances];
}

/** "3 droplets" or "2–6 droplets at 60 % CPU". */
export function poolConfigText(c: AutoscaleConfig): string {
  if ('target_number_instances' in c) return l10n.t('{0} droplet(s), fixed', c.target_number_instances);
  const targets = [
    c.target_cpu_utilization !== undefined ? l10n.t('{0} % CPU', Math.round(c.target_cpu_utilization * 100)) : undefined,
    c.target_memory_utilization !== undefined ? l10n.t('{0} % memory', Math.round(c.target_memory_utilization * 100)) : undefined,
  ].filter(Boolean);
  return l10n.t('{0}–{1} droplets{2}', c.min_instances, c.max_instances, targets.length ? l10n.t(' at {0}', targets.join(', ')) : '');
}

/** The API's rule for pool names (as for droplets): letters, digits, ".", "-", at most 255. */
export function autoscalePoolNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 255) return l10n.t('At most 255 characters.');
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(value)) return l10n.t('Letters, digits, "." and "-", starting with a letter or digit.');
  return taken.includes(value) ? l10n.t('The account has an autoscale pool named {0} already.', value) : undefined;
}

export const dropletAutoscalePool = defineKind<AutoscalePool>({
  kind: 'droplet_autoscale_pool',
  label: l10n.t('Autoscale pool'),
  pluralLabel: l10n.t('Autoscale pools'),
  path: '/v2/droplets/autoscale',
  collectionKey: 'autoscale_pools',
  singleKey: 'autoscale_pool',
  idOf: (p) => p.id,
  nameOf: (p) => p.name,
  paginated: true,
  deletable: true,
  deleteNote: () => l10n.t('Its droplets stay, no longer scaled by it (Delete with Droplets… destroys them too).'),
  nameProblem: autoscalePoolNameProblem,
});
