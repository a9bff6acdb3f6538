/** Uptime checks with their alerts, and alert policies. */
import type { AlertPolicy } from '../../api/resources/alertPolicy';
import type { UptimeAlert, UptimeCheck } from '../../api/resources/uptimeCheck';
import { type SeedContext, type Stored, stableUuid } from './common';
import { DEMO_EMAIL } from './account';
import type { DemoData } from './state';

export function seedMonitoring(_context: SeedContext): Pick<DemoData, 'uptimeChecks' | 'uptimeAlerts' | 'alertPolicies'> {
  const uptimeChecks: Stored<UptimeCheck>[] = [
    { id: stableUuid('uptime-www'), name: 'www', type: 'https', target: 'https://www.acme.example', regions: ['us_east', 'eu_west'], enabled: true },
    { id: stableUuid('uptime-api'), name: 'api health', type: 'https', target: 'https://api.acme.example/healthz', regions: ['us_east'], enabled: true },
  ];
  const alertPolicies: Stored<AlertPolicy>[] = [
    {
      uuid: stableUuid('alert-policy-web-cpu'),
      type: 'v1/insights/droplet/cpu',
      description: 'web CPU high',
      compare: 'GreaterThan',
      value: 85,
      window: '10m',
      entities: [],
      tags: ['web'],
      alerts: { email: [DEMO_EMAIL], slack: [] },
      enabled: true,
    },
  ];
  const uptimeAlerts: Record<string, Stored<UptimeAlert>[]> = Object.fromEntries(
    uptimeChecks.map((c) => [
      c.id,
      [
        {
          id: stableUuid(`alert-${c.name}-down`),
          name: `${c.name} down`,
          type: 'down',
          threshold: 0,
          comparison: 'greater_than',
          notifications: { email: [DEMO_EMAIL], slack: [] },
          period: '2m',
        },
      ],
    ]),
  );
  return { uptimeChecks, uptimeAlerts, alertPolicies };
}
