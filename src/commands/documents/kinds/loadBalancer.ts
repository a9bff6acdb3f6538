/** A load balancer's forwarding rules and health check as a document. */
import * as vscode from 'vscode';
import { updateLoadBalancer } from '../../../api';
import { loadBalancer as loadBalancerKind, type LoadBalancer } from '../../../api/resources/loadBalancer';
import { loadBalancerPresenter } from '../../../tree/kinds/loadBalancer';
import { type DocumentKind, listChange, type Value } from './kind';

export const LOAD_BALANCER: DocumentKind<LoadBalancer> = {
  segment: 'load_balancers',
  suffix: 'lb.yaml',
  resource: loadBalancerKind,
  presenter: loadBalancerPresenter,
  schema: 'load-balancer-rules',
  name: (lb) => lb.name,
  content: (lb) => {
    const full = lb as unknown as Value;
    return { forwarding_rules: lb.forwarding_rules, ...(full.health_check ? { health_check: full.health_check } : {}) };
  },
  header: (lb) => `# Forwarding rules and health check of load balancer ${lb.name}. Saving checks them and applies them after you confirm.`,
  summary(before, after) {
    const rules = (v: Value) =>
      ((v.forwarding_rules ?? []) as Value[]).map(
        (r) => `${String(r.entry_protocol)} ${String(r.entry_port)} → ${String(r.target_protocol)} ${String(r.target_port)}`,
      );
    const health =
      JSON.stringify(before.health_check) === JSON.stringify(after.health_check)
        ? undefined
        : vscode.l10n.t(
            'Health check: {0}',
            Object.entries((after.health_check ?? {}) as Value)
              .map(([k, v]) => `${k} ${String(v)}`)
              .join(', '),
          );
    return [listChange(vscode.l10n.t('Forwarding rules'), rules(before), rules(after)), health].filter(Boolean).join('\n') || vscode.l10n.t('No changes.');
  },
  save(client, lb, value, signal) {
    const full = lb as unknown as Value;
    const keep = [
      'name',
      'size_unit',
      'size',
      'algorithm',
      'sticky_sessions',
      'redirect_http_to_https',
      'enable_proxy_protocol',
      'enable_backend_keepalive',
      'http_idle_timeout_seconds',
      'vpc_uuid',
      'project_id',
      'disable_lets_encrypt_dns_records',
      'network',
      'network_stack',
    ];
    const body: Value = Object.fromEntries(keep.filter((k) => full[k] !== undefined && full[k] !== null).map((k) => [k, full[k]]));
    body.region = lb.region?.slug;
    if (lb.tag) body.tag = lb.tag;
    else body.droplet_ids = lb.droplet_ids ?? [];
    return updateLoadBalancer(client, lb.id, { ...body, ...value }, signal);
  },
};
