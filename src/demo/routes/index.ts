/**
 * Every family of the fake's routes, found rather than listed: each function named `…Routes`
 * that a module of this folder exports, in file order (`kind-files:.`, scripts/kindFiles.mjs).
 * A new family of endpoints is a new file here. Order only matters between a literal path and a
 * pattern that also matches it, and core.ts puts literal paths first whatever the order.
 */
import modules from 'kind-files:.';
import type { FakeCore } from '../core';

export type InstallRoutes = (api: FakeCore) => void;

export const routeFamilies: readonly InstallRoutes[] = modules.flatMap((m) =>
  Object.entries(m)
    .filter(([name, value]) => /Routes$/.test(name) && typeof value === 'function')
    .map(([, install]) => install as InstallRoutes),
);
