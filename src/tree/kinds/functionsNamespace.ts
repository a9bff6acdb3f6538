import {
  type FunctionsAccessKey,
  type FunctionsNamespace,
  type FunctionsTrigger,
  functionsAccessKey,
  functionsNamespace,
  functionsTrigger,
} from '../../api/resources/functionsNamespace';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const functionsNamespacePresenter: Presenter<FunctionsNamespace> = {
  kind: functionsNamespace,
  placement: 'account',
  groupOrder: 100,
  icon: 'symbol-function',
  description: (n) => [n.region, n.namespace].join(' · '),
  // The namespace key is a credential: not shown.
  tooltip: (n, ctx) =>
    mdTable(l10n.t('Functions namespace {0}', n.label), [
      [l10n.t('Namespace'), n.namespace],
      [l10n.t('Region'), n.region],
      [l10n.t('API host'), n.api_host],
      [l10n.t('Created'), relativeTime(n.created_at, ctx.now)],
    ]),
  region: (n) => n.region,
  // its scheduled triggers and access keys, each a folder read when opened
  async children(n, parents, ctx) {
    const under = [...parents, n.namespace];
    return [
      ctx.group(`${n.namespace}:triggers`, l10n.t('Triggers'), 'watch', async () => {
        const triggers = await ctx.list(functionsTrigger, [n.namespace]);
        return triggers.length ? ctx.resources(functionsTriggerPresenter, triggers, under) : [ctx.message(`${n.namespace}:no-triggers`, l10n.t('No triggers'))];
      }),
      ctx.group(`${n.namespace}:keys`, l10n.t('Access keys'), 'key', async () => {
        const keys = await ctx.list(functionsAccessKey, [n.namespace]);
        return keys.length ? ctx.resources(functionsAccessKeyPresenter, keys, under) : [ctx.message(`${n.namespace}:no-keys`, l10n.t('No access keys'))];
      }),
    ];
  },
  consoleUrl: (n) => `${CONTROL_PANEL}/functions/${n.namespace}`,
};

const when = (iso: string | null | undefined, now: number) => (iso ? relativeTime(iso, now) : undefined);

export const functionsTriggerPresenter: Presenter<FunctionsTrigger> = {
  kind: functionsTrigger,
  placement: 'child',
  icon: 'history',
  style: (t) => ({ state: t.is_enabled ? 'enabled' : 'disabled', color: t.is_enabled ? undefined : 'disabledForeground' }),
  description: (t) => [t.scheduled_details?.cron, `→ ${t.function}`, t.is_enabled ? undefined : l10n.t('paused')].filter(Boolean).join(' · '),
  tooltip: (t, ctx) =>
    mdTable(l10n.t('Trigger {0}', t.name), [
      [l10n.t('Function'), t.function],
      [l10n.t('Schedule'), t.scheduled_details?.cron],
      [l10n.t('Body'), t.scheduled_details?.body ? JSON.stringify(t.scheduled_details.body) : undefined],
      [l10n.t('Enabled'), t.is_enabled ? 'yes' : 'no'],
      [l10n.t('Last run'), when(t.scheduled_runs?.last_run_at, ctx.now)],
      [l10n.t('Next run'), t.scheduled_runs?.next_run_at ?? undefined],
    ]),
};

export const functionsAccessKeyPresenter: Presenter<FunctionsAccessKey> = {
  kind: functionsAccessKey,
  placement: 'child',
  icon: 'unlock',
  // its id names it; the secret was shown once, when it was made, and is never listed
  description: (k) => [k.id, k.expires_at ? l10n.t('expires {0}', k.expires_at.slice(0, 10)) : l10n.t('never expires')].join(' · '),
  tooltip: (k, ctx) =>
    mdTable(l10n.t('Access key {0}', k.name), [
      ['ID', k.id],
      [l10n.t('Expires'), k.expires_at ?? l10n.t('never')],
      [l10n.t('Created'), when(k.created_at, ctx.now)],
    ]),
};
