#!/usr/bin/env node
// `npm run test:electron`: the same integration suite in desktop VS Code via @vscode/test-electron,
// for machines that can download VS Code (this one cannot: `npm test` uses the VS Code server).
// The fake API and Prism run as in `npm test`, and the same checks apply.
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ARTIFACTS, ROOT, log, specPath, startFakeApi, startPrism, stopAll } from './services.mjs';

const spec = specPath();
if (!spec) {
  process.stderr.write('THE OPENAPI SPEC IS MISSING: set DO_OPENAPI_SPEC or put it at ../shared/do-openapi/openapi.yaml\n');
  process.exit(1);
}

let exitCode = 1;
try {
  const fake = await startFakeApi(['--action-ms', '1500']);
  const prism = await startPrism(spec, fake.url);
  const base = mkdtempSync(join(tmpdir(), 'do-electron-'));
  const userDataDir = join(base, 'user-data');
  const workspace = join(base, 'workspace');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ 'digitalocean.apiUrl': prism.url, 'workbench.startupEditor': 'none', 'extensions.autoUpdate': false }, null, 2));
  const resultsFile = join(ARTIFACTS, 'electron-results.json');
  exitCode = await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'dist-test', 'integration', 'index.js'),
    launchArgs: [workspace, '--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: {
      DO_TEST_FAKE_URL: fake.url,
      DO_TEST_SETTINGS_FILE: settingsFile,
      DO_TEST_RESULTS_FILE: resultsFile,
      DIGITALOCEAN_DEMO_API_URL: prism.url,
    },
  });
  const violations = prism.violations();
  if (violations.length) {
    process.stderr.write(`Prism reported ${violations.length} violation(s)\n${violations.join('\n')}\n`);
    exitCode = 1;
  }
  if (existsSync(resultsFile)) {
    const { passes, failures } = JSON.parse(readFileSync(resultsFile, 'utf8'));
    log(`${passes} passed, ${failures} failed`);
  }
} catch (error) {
  process.stderr.write(`${error?.stack ?? error}\n`);
  exitCode = 1;
} finally {
  stopAll();
}
process.exit(exitCode);
