#!/usr/bin/env node
// `npm start`: build, start the fake DigitalOcean API with the demo team on loopback, and open
// VS Code with the extension in development mode, connected to it.
//   - desktop `code` on PATH: a new Extension Development Host window;
//   - otherwise: the VS Code server (installed once into a cache) — open the printed URL.
// With DIGITALOCEAN_ACCESS_TOKEN set, the extension opens without the demo account; use
// "Import tokens" (or "Add account") to work against the real API.
//   --web (`npm run start:web`): the browser build, as on vscode.dev — the VS Code server with
//   the user setting remote.extensionKind, which runs the extension in the browser's web worker
//   extension host. Its demo account is in-process (a worker has no environment to name the
//   fake): choose "Try the demo account" in the view.
// Ctrl+C stops everything.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, installVsCodeServer, log, startFakeApi, startVsCodeServer, stopAll } from '../test/harness/services.mjs';

log('building the extension and the fake API');
execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--tests'], { cwd: ROOT, stdio: 'inherit' });

const fake = await startFakeApi(['--action-ms', '4000']);
log(`fake DigitalOcean API (demo team) at ${fake.url}`);

const env = {
  ...process.env,
  DIGITALOCEAN_DEMO_API_URL: fake.url,
  DIGITALOCEAN_EXPLORER_START_WITH_DEMO: process.env.DIGITALOCEAN_ACCESS_TOKEN ? '0' : '1',
};

const hasCode = (() => {
  try {
    execFileSync('bash', ['-c', 'command -v code'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const web = process.argv.includes('--web');

if (hasCode && !web) {
  log('opening an Extension Development Host window in desktop VS Code');
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, ROOT], { env, stdio: 'inherit' });
} else {
  log(
    web
      ? 'the web build: starting the VS Code server (the first run installs it into a cache, a few minutes)'
      : 'no `code` on PATH: starting the VS Code server (the first run installs it into a cache, a few minutes)',
  );
  const vscode = installVsCodeServer();
  const settings = web ? { 'remote.extensionKind': { 'do-explorer.digitalocean-explorer': ['web'] } } : {};
  const server = await startVsCodeServer(vscode, { env, settings });
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${ROOT}`]];
  const url = `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  process.stdout.write(`\n  Open this URL in a browser on this machine:\n\n  ${url}\n\n  Ctrl+C stops the server and the fake API.\n\n`);
}

process.on('SIGINT', () => {
  stopAll();
  process.exit(0);
});
await new Promise(() => {
  // keep the fake API (and the server) running until Ctrl+C
});
