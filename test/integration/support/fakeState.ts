/**
 * The fake's whole state as the tests read it (`GET /__fake/data`), typed once with the
 * extension's own API types: what a test asserts against is what the extension reads, and the
 * fields the fake serves beyond those stay reachable. One shape for every suite.
 */
import type { AppAlert, AppEvent, AppJobInvocation } from '../../../src/api/appDetails';
import type { AppDeployment } from '../../../src/api/operations';
import type { DemoData, Stored } from '../../../src/demo/seed';
import { fake } from './env';

export type { Stored };

/** The fake's state: what it was seeded with and keeps (typed once, in src/demo/seed.ts), and what it makes on demand. */
export interface FakeState extends DemoData {
  /** app id → its deployments, newest first (made by the fake on an app's first deployments request) */
  appDeployments: Record<string, Stored<AppDeployment>[]>;
  /** app id → its autoscaling events; its job runs; its alerts (each made on first use) */
  appAutoscaling?: Record<string, Stored<AppEvent>[]>;
  appJobInvocations?: Record<string, Stored<AppJobInvocation>[]>;
  appAlerts?: Record<string, Stored<AppAlert>[]>;
}

/** The fake's state now. */
export const fakeState = (): Promise<FakeState> => fake.call<FakeState>('GET', '/__fake/data');
