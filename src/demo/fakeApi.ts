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
import { routeFamilies } from './routes';

export * from './core';

/** The fake DigitalOcean: its state (core.ts) with every family of routes installed (routes/index.ts finds them). */
export class FakeDigitalOcean extends FakeCore {
  constructor(options: FakeOptions = {}) {
    super(options);
    for (const install of routeFamilies) install(this);
  }
}
