/**
 * A stateful, in-memory DigitalOcean API. It answers like the real API for every endpoint the
 * extension uses: same paths, bodies, pagination links, rate-limit headers and error bodies, with
 * asynchronous actions that stay in progress for a while and then really change the resource.
 *
 * It is a pure request → response function (no sockets), so it serves two masters:
 *  - the built-in demo account, in process, through {@link createInProcessFetch};
 *  - the tests and `npm start`, behind a small HTTP server (test/fake-api/server.ts) that adds
 *    fault switches and sits behind Stoplight Prism, which holds both sides to the official spec.
 */
import { FakeCore, type FakeOptions } from './core';
import { accountRoutes } from './routes/account';
import { appRoutes } from './routes/app';
import { catalogRoutes } from './routes/catalog';
import { databaseRoutes } from './routes/database';
import { domainRoutes } from './routes/domain';
import { dropletRoutes } from './routes/droplet';
import { kubernetesCreateRoutes, kubernetesRoutes } from './routes/kubernetes';
import { networkRoutes } from './routes/network';
import { registryRoutes } from './routes/registry';
import { reservedIpRoutes } from './routes/reservedIp';
import { spacesRoutes } from './routes/spaces';
import { volumeRoutes } from './routes/volume';

export * from './core';

/** The fake DigitalOcean: its state (core.ts) with every family of routes installed. */
export class FakeDigitalOcean extends FakeCore {
  constructor(options: FakeOptions = {}) {
    super(options);
    for (const install of [accountRoutes, appRoutes, catalogRoutes, databaseRoutes, kubernetesRoutes, kubernetesCreateRoutes, networkRoutes, registryRoutes, domainRoutes, volumeRoutes, reservedIpRoutes, dropletRoutes, spacesRoutes]) install(this);
  }
}
