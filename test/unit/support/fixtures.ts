/** What several unit suites share: a fast-retrying client for the fake server, a kubeconfig as the API answers it, a free loopback port. */
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { ApiError, DigitalOceanClient, type ClientOptions } from '../../../src/api';
import type { FakeServer } from '../../fake-api/server';

/** A client of the fake server that retries fast (20–200 ms back-off, 2 s time-out). */
export function fastClient(server: FakeServer, token: string, extra: Partial<ClientOptions> = {}): DigitalOceanClient {
  return new DigitalOceanClient({ token, baseUrl: server.url, retryBaseMs: 20, retryMaxMs: 200, timeoutMs: 2_000, ...extra });
}

/** The ApiError a call fails with (fails the test when the call succeeds or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

/** A cluster's kubeconfig as `GET /v2/kubernetes/clusters/{id}/kubeconfig` answers it. */
export const INCOMING_KUBECONFIG = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: Q0EK
    server: https://abc.k8s.ondigitalocean.com
  name: do-nyc3-prod
contexts:
- context:
    cluster: do-nyc3-prod
    user: do-nyc3-prod-admin
  name: do-nyc3-prod
current-context: do-nyc3-prod
kind: Config
preferences: {}
users:
- name: do-nyc3-prod-admin
  user:
    token: dop_v1_clustertoken
`;

/** A loopback port free a moment ago (bound, then closed): to start a server on, or to find nothing listening. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
