import { defineKind } from './descriptor';

export interface UptimeCheck {
  id: string;
  name: string;
  type: 'ping' | 'http' | 'https';
  target: string;
  regions: string[];
  enabled: boolean;
}

export const uptimeCheck = defineKind<UptimeCheck>({
  deletable: true,
  kind: 'uptime_check',
  label: 'Uptime check',
  pluralLabel: 'Uptime checks',
  path: '/v2/uptime/checks',
  collectionKey: 'checks',
  singleKey: 'check',
  idOf: (c) => c.id,
  nameOf: (c) => c.name,
  paginated: true,
});
