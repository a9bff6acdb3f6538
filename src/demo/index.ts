/**
 * The built-in demo account: a FakeDigitalOcean answering in this process. Bundled as its own
 * file (dist/demo.js) and loaded only when the demo account is used.
 */
import { FakeDigitalOcean, createInProcessFetch } from './fakeApi';

export { FakeDigitalOcean, createInProcessFetch };
export { DEMO_EMAIL, DEMO_TEAM } from './seed';

let shared: FakeDigitalOcean | undefined;

/** One demo API per extension host, so state (power actions, new droplets) persists across views. */
export function demoFetch(): typeof globalThis.fetch {
  shared ??= new FakeDigitalOcean({ actionDurationMs: 4_000 });
  return createInProcessFetch(shared);
}
