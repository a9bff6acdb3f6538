/**
 * An uptime alert's questions, shared by Create Uptime Check (its list of alerts) and by Add Alert
 * and Edit Alert on a check: the condition, a threshold where the condition has one, the period,
 * and where to notify. The Slack webhook is asked in a password box and kept, never shown.
 */
import type { UptimeAlert, UptimeAlertType, UptimeCheck } from '../../api/resources/uptimeCheck';
import type { UserInput } from '../../ui/userInput';
import { runWizard } from '../../ui/wizard';
import { numberProblem } from '../validators';
import { askNotifications } from '../wizard/prompts';
import * as l10n from '@vscode/l10n';

/** The regions checks run from (the spec's enum). */
export const UPTIME_REGIONS = [
  { id: 'us_east', label: l10n.t('US East') },
  { id: 'us_west', label: l10n.t('US West') },
  { id: 'eu_west', label: l10n.t('EU West') },
  { id: 'se_asia', label: l10n.t('Southeast Asia') },
] as const;

export const PERIODS = ['2m', '3m', '5m', '10m', '15m', '30m', '1h'] as const;

export const ALERT_TYPES: {
  type: UptimeAlertType;
  label: string;
  description: string;
  threshold?: { prompt: string; unit: string; value: number; comparison: 'greater_than' | 'less_than' };
  httpsOnly?: boolean;
}[] = [
  { type: 'down', label: l10n.t('Down'), description: l10n.t('from any region') },
  { type: 'down_global', label: l10n.t('Down everywhere'), description: l10n.t('from every region at once') },
  {
    type: 'latency',
    label: l10n.t('Slow'),
    description: l10n.t('latency above a limit'),
    threshold: { prompt: l10n.t('Alert when the latency is above (milliseconds)'), unit: 'ms', value: 1000, comparison: 'greater_than' },
  },
  {
    type: 'ssl_expiry',
    label: l10n.t('Certificate expiring'),
    description: l10n.t('HTTPS only'),
    threshold: { prompt: l10n.t('Alert when the certificate expires in fewer than (days)'), unit: 'days', value: 14, comparison: 'less_than' },
    httpsOnly: true,
  },
];

export interface AlertPlan {
  type: UptimeAlertType;
  threshold: number;
  period: (typeof PERIODS)[number];
  email: boolean;
  slack?: { channel: string; url: string };
  /** What an existing alert notifies that these questions do not ask about (other emails, more channels): kept as it is. */
  keep?: { email: string[]; slack: { channel: string; url: string }[] };
}

export const alertKind = (a: Pick<AlertPlan, 'type'>) => ALERT_TYPES.find((x) => x.type === a.type)!;

/** "Slow: > 800 ms · for 5m · you@example.com and Slack #ops" */
export function alertText(a: AlertPlan, email: string | undefined): string {
  const kind = alertKind(a);
  return [
    kind.threshold ? `${kind.label}: ${kind.threshold.comparison === 'greater_than' ? '>' : '<'} ${a.threshold} ${kind.threshold.unit}` : kind.label,
    `for ${a.period}`,
    [a.email ? email : '', a.slack ? l10n.t('Slack {0}', a.slack.channel) : ''].filter(Boolean).join(' and '),
  ].join(' · ');
}

export const newAlertPlan = (email: string | undefined): AlertPlan => ({ type: 'down', threshold: 0, period: '2m', email: Boolean(email) });

/** An alert the API answered, as the questions' answers (the first Slack channel is the one asked about). */
export function alertPlanOf(alert: UptimeAlert, email: string | undefined): AlertPlan {
  const emails = alert.notifications?.email ?? [];
  const [slack, ...moreSlack] = alert.notifications?.slack ?? [];
  return {
    type: alert.type,
    threshold: alert.threshold ?? 0,
    period: (PERIODS as readonly string[]).includes(alert.period) ? alert.period : '2m',
    email: Boolean(email) && emails.includes(email!),
    slack,
    keep: { email: emails.filter((e) => e !== email), slack: moreSlack },
  };
}

/** The body of a create or a PUT: the whole alert (the API replaces it). */
export function alertBody(a: AlertPlan, name: string, email: string | undefined): Omit<UptimeAlert, 'id'> {
  const threshold = alertKind(a).threshold;
  return {
    name,
    type: a.type,
    ...(threshold ? { threshold: a.threshold, comparison: threshold.comparison } : {}),
    notifications: {
      email: [...(a.email && email ? [email] : []), ...(a.keep?.email ?? [])],
      slack: [...(a.slack ? [a.slack] : []), ...(a.keep?.slack ?? [])],
    },
    period: a.period,
  };
}

/** The alert's questions, from `start`; nested in another wizard when `where` is given (Back on the first leaves it). */
export function askAlert(
  input: UserInput,
  title: string,
  checkType: UptimeCheck['type'],
  email: string | undefined,
  start: AlertPlan,
  where?: { step: number; totalSteps: number },
): Promise<AlertPlan> {
  return runWizard<AlertPlan>(
    { ...start },
    [
      async (a, s) => {
        const offered = ALERT_TYPES.filter((x) => !x.httpsOnly || checkType === 'https');
        const picked = await input.quickPick(
          offered.map((x) => ({ label: x.label, description: x.description, picked: x.type === a.type, t: x })),
          { title, ...s, placeHolder: l10n.t('Alert when the target is…') },
        );
        if (picked.t.type !== a.type) Object.assign(a, { type: picked.t.type, threshold: picked.t.threshold?.value ?? 0 });
      },
      async (a, s) => {
        const threshold = alertKind(a).threshold;
        if (!threshold) return 'skipped';
        a.threshold = Number(
          await input.inputBox({
            title,
            ...s,
            prompt: threshold.prompt,
            value: String(a.threshold || threshold.value),
            validateInput: (v) =>
              numberProblem(v, 1, threshold.unit === 'ms' ? 60_000 : 365, threshold.unit === 'ms' ? l10n.t('Milliseconds') : l10n.t('Days')),
          }),
        );
      },
      async (a, s) => {
        a.period = (
          await input.quickPick(
            PERIODS.map((x) => ({ label: x, picked: x === a.period })),
            { title, ...s, placeHolder: l10n.t('For how long before alerting') },
          )
        ).label as AlertPlan['period'];
      },
      async (a, s) => {
        ({ email: a.email, slack: a.slack } = await askNotifications(input, title, s, a, email));
      },
    ],
    where ? { nested: where } : {},
  );
}
