import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ScriptedUserInput } from './support/scriptedInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, fake, randomToken } from './support/env';
import { fakeState } from './support/fakeState';

const USER_KUBECONFIG = `# my clusters, do not lose this comment
apiVersion: v1
kind: Config
clusters:
  - name: minikube # local one
    cluster:
      server: https://192.168.49.2:8443
      insecure-skip-tls-verify: true
users:
  - name: minikube
    user:
      token: minikube-token
contexts:
  - name: minikube
    context: { cluster: minikube, user: minikube, namespace: dev }
current-context: minikube
x-my-tool: { keep: me }
`;

/** A docker credential helper that records what it receives and keeps credentials in a JSON file. */
const HELPER = `#!/usr/bin/env bash
dir="$(dirname "$0")"
input="$(cat)"
printf '%s\\t%s\\t%s\\n' "$1" "$#" "$input" >> "$dir/helper.log"
store="$dir/helper-store.json"
[ -f "$store" ] || echo '{}' > "$store"
case "$1" in
  store) node -e 'const fs=require("fs");const s=JSON.parse(fs.readFileSync(process.argv[1]));const i=JSON.parse(process.argv[2]);s[i.ServerURL]=i;fs.writeFileSync(process.argv[1],JSON.stringify(s))' "$store" "$input" ;;
  get) node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1]));const e=s[process.argv[2]];if(!e){console.log("credentials not found in native keychain");process.exit(1)}console.log(JSON.stringify(e))' "$store" "$input" ;;
  erase) node -e 'const fs=require("fs");const s=JSON.parse(fs.readFileSync(process.argv[1]));delete s[process.argv[2]];fs.writeFileSync(process.argv[1],JSON.stringify(s))' "$store" "$input" ;;
  list) cat "$store" ;;
esac
`;

describe('Kubeconfig and docker credentials', function () {
  this.timeout(120_000);
  let api: TestingApi;
  let home: string;
  const saved: Record<string, string | undefined> = {};

  function label(node: ExplorerNode): string {
    return String(node.toTreeItem().label);
  }

  async function node(...names: string[]): Promise<ExplorerNode> {
    let current: ExplorerNode | undefined;
    for (const name of names) {
      const children: ExplorerNode[] = await api.explorer.getChildren(current);
      current = children.find((n) => label(n) === name || label(n).startsWith(name));
      assert.ok(current, `no ${name}`);
    }
    return current!;
  }

  function setEnv(name: string, value: string): void {
    if (!(name in saved)) saved[name] = process.env[name];
    process.env[name] = value;
  }

  function kubectl(...args: string[]): string {
    return execFileSync('kubectl', args, { env: process.env, encoding: 'utf8' });
  }

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    await fake.reset();
    for (const account of api.store.list()) await api.store.remove(account.id);
    await api.explorer.setGrouping('project');
    await vscode.commands.executeCommand('digitalocean.addDemoAccount');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'do-home-'));
    setEnv('HOME', home);
  });

  afterEach(() => {
    api.setUserInput(undefined);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
      delete saved[name];
    }
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('Download kubeconfig… writes the credential readable by the user alone, even over a wider file, and kubectl reads it', async () => {
    // over an existing 0644 file, with a permissive umask: the result is 0600 all the same
    const target = path.join(home, 'prod-kubeconfig.yaml');
    fs.writeFileSync(target, 'old\n', { mode: 0o644 });
    fs.chmodSync(target, 0o644);
    const umask = process.umask(0o000);
    try {
      api.setUserInput(new ScriptedUserInput([target]));
      const saved = await vscode.commands.executeCommand<vscode.Uri>(
        'digitalocean.kubernetes.downloadKubeconfig',
        await node('Acme Demo', 'Acme Web', 'Kubernetes clusters', 'prod-k8s'),
      );
      assert.equal(saved?.fsPath, target);
    } finally {
      process.umask(umask);
    }
    assert.equal(fs.statSync(target).mode & 0o777, 0o600);
    assert.deepEqual(
      fs.readdirSync(home).filter((f) => f.includes('.partial-')),
      [],
      'no partial file left',
    );
    assert.match(kubectl('--kubeconfig', target, 'config', 'get-contexts', '-o', 'name'), /prod-k8s/);
  });

  it('adds a cluster to the first existing KUBECONFIG file, keeping everything, and kubectl sees it', async () => {
    const missing = path.join(home, 'missing', 'config');
    const existing = path.join(home, 'kube', 'config');
    fs.mkdirSync(path.dirname(existing));
    fs.writeFileSync(existing, USER_KUBECONFIG, { mode: 0o640 });
    setEnv('KUBECONFIG', `${missing}:${existing}`);

    const cluster = await node('Acme Demo', 'Acme Web', 'Kubernetes clusters', 'prod-k8s');
    api.setUserInput(new ScriptedUserInput(['Add and switch to it']));
    const result = await vscode.commands.executeCommand<{ context: string; file: string }>('digitalocean.kubernetes.addToKubeconfig', cluster);
    assert.deepEqual(result, { context: 'do-nyc3-prod-k8s', file: existing });
    assert.equal(fs.existsSync(missing), false);

    const text = fs.readFileSync(existing, 'utf8');
    assert.ok(text.startsWith('# my clusters, do not lose this comment'));
    assert.ok(text.includes('# local one'));
    assert.equal(fs.statSync(existing).mode & 0o777, 0o640, 'an existing file keeps its mode');
    assert.equal(fs.readFileSync(`${existing}.bak`, 'utf8'), USER_KUBECONFIG);

    assert.deepEqual(kubectl('config', 'get-contexts', '-o', 'name').trim().split('\n').sort(), ['do-nyc3-prod-k8s', 'minikube']);
    assert.equal(kubectl('config', 'current-context').trim(), 'do-nyc3-prod-k8s');
    const view = JSON.parse(kubectl('config', 'view', '--raw', '-o', 'json', '--minify')) as {
      clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
      users: { user: { token: string } }[];
    };
    const data = await fakeState();
    assert.equal(view.clusters[0].cluster.server, data.kubernetesClusters.find((c) => c.name === 'prod-k8s')!.endpoint);
    assert.ok(Buffer.from(view.clusters[0].cluster['certificate-authority-data'], 'base64').toString().includes('BEGIN CERTIFICATE'));
    assert.match(view.users[0].user.token, /^demo-[0-9a-f]{32}$/);
    const minikube = JSON.parse(kubectl('config', 'view', '--raw', '-o', 'json', '--context', 'minikube', '--minify')) as {
      users: { user: { token: string } }[];
    };
    assert.equal(minikube.users[0].user.token, 'minikube-token');
  });

  it("writes through a symlinked ~/.kube/config (a dotfile manager's link stays a link) and kubectl reads it", async () => {
    const dotfiles = path.join(home, 'dotfiles');
    fs.mkdirSync(dotfiles);
    fs.mkdirSync(path.join(home, '.kube'));
    fs.writeFileSync(path.join(dotfiles, 'kubeconfig'), USER_KUBECONFIG.replace(/\n/g, '\r\n'));
    fs.symlinkSync('../dotfiles/kubeconfig', path.join(home, '.kube', 'config'));
    const cluster = await node('Acme Demo', 'Acme Web', 'Kubernetes clusters', 'prod-k8s');
    api.setUserInput(new ScriptedUserInput(['Add only']));
    await vscode.commands.executeCommand('digitalocean.kubernetes.addToKubeconfig', cluster);
    assert.equal(fs.readlinkSync(path.join(home, '.kube', 'config')), '../dotfiles/kubeconfig', 'still the same link');
    const text = fs.readFileSync(path.join(dotfiles, 'kubeconfig'), 'utf8');
    assert.ok(!/[^\r]\n/.test(text), 'CRLF kept');
    assert.match(text, /# my clusters, do not lose this comment/);
    assert.deepEqual(kubectl('config', 'get-contexts', '-o', 'name').trim().split('\n').sort(), ['do-nyc3-prod-k8s', 'minikube']);
  });

  it("offers the doctl credential plugin only with the doctl context that holds the account's token, and passes --context", async () => {
    const bin = path.join(home, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'doctl'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    setEnv('PATH', `${bin}:${process.env.PATH}`);
    setEnv('XDG_CONFIG_HOME', path.join(home, '.config'));
    const token = randomToken();
    fs.mkdirSync(path.join(home, '.config', 'doctl'), { recursive: true });
    fs.writeFileSync(
      path.join(home, '.config', 'doctl', 'config.yaml'),
      `access-token: ${'0'.repeat(64)}\nauth-contexts:\n  personal: ${'1'.repeat(64)}\n  work: ${token}\ncontext: personal\n`,
    );

    // The demo account's token is in no doctl context: the plugin is not offered (one answer only).
    const demoInput = new ScriptedUserInput(['Add only']);
    api.setUserInput(demoInput);
    await vscode.commands.executeCommand('digitalocean.kubernetes.addToKubeconfig', await node('Acme Demo', 'Acme Web', 'Kubernetes clusters', 'prod-k8s'));
    assert.equal(demoInput.remaining, 0);

    await fake.tokens({ profiles: { [token]: { email: 'work@example.com', teamName: 'Work Team' } } });
    api.setUserInput(new ScriptedUserInput([token]));
    await vscode.commands.executeCommand('digitalocean.addAccount');
    const input = new ScriptedUserInput(['doctl credential plugin', 'Add only', 'Keep both', 'work-prod']);
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.kubernetes.addToKubeconfig', await node('Work Team', 'Acme Web', 'Kubernetes clusters', 'prod-k8s'));
    assert.equal(input.remaining, 0);
    const view = JSON.parse(kubectl('config', 'view', '--raw', '-o', 'json', '--context', 'work-prod', '--minify')) as {
      users: { user: { exec: { command: string; args: string[] } } }[];
    };
    assert.equal(view.users[0].user.exec.command, 'doctl');
    assert.ok(view.users[0].user.exec.args.includes('--context=work'), view.users[0].user.exec.args.join(' '));
    assert.ok(!fs.readFileSync(path.join(home, '.kube', 'config'), 'utf8').includes(token), 'the API token is not in the kubeconfig');
  });

  it('creates ~/.kube/config with 0600 when there is none, keeps both on a clash, refreshes the token, switches and removes', async () => {
    const cluster = await node('Acme Demo', 'Acme Web', 'Kubernetes clusters', 'prod-k8s');
    const file = path.join(home, '.kube', 'config');
    api.setUserInput(new ScriptedUserInput(['Add only']));
    await vscode.commands.executeCommand('digitalocean.kubernetes.addToKubeconfig', cluster);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(kubectl('config', 'get-contexts', '-o', 'name').trim(), 'do-nyc3-prod-k8s');

    // The same cluster again: keep both under a name the user gives.
    const input = new ScriptedUserInput(['Add and switch to it', 'Keep both', 'prod-team-b']);
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.kubernetes.addToKubeconfig', cluster);
    assert.equal(input.remaining, 0);
    assert.deepEqual(kubectl('config', 'get-contexts', '-o', 'name').trim().split('\n').sort(), ['do-nyc3-prod-k8s', 'prod-team-b']);
    assert.equal(kubectl('config', 'current-context').trim(), 'prod-team-b');

    // An alias that is taken is refused at the input box.
    api.setUserInput(new ScriptedUserInput(['Add only', 'Keep both', 'prod-team-b']));
    await vscode.commands.executeCommand('digitalocean.kubernetes.addToKubeconfig', cluster);
    assert.deepEqual(kubectl('config', 'get-contexts', '-o', 'name').trim().split('\n').sort(), ['do-nyc3-prod-k8s', 'prod-team-b']);

    const tokenOf = () =>
      (JSON.parse(kubectl('config', 'view', '--raw', '-o', 'json', '--context', 'prod-team-b', '--minify')) as { users: { user: { token: string } }[] })
        .users[0].user.token;
    const before = tokenOf();
    await new Promise((r) => setTimeout(r, 1100)); // the fake mints a token per second
    await vscode.commands.executeCommand('digitalocean.kubernetes.refreshCredentials', cluster);
    assert.notEqual(tokenOf(), before);

    await vscode.commands.executeCommand('digitalocean.kubernetes.setCurrentContext', cluster);
    assert.equal(kubectl('config', 'current-context').trim(), 'prod-team-b');

    api.setUserInput(new ScriptedUserInput(['Remove']));
    await vscode.commands.executeCommand('digitalocean.kubernetes.removeFromKubeconfig', cluster);
    assert.equal(kubectl('config', 'get-contexts', '-o', 'name').trim(), 'do-nyc3-prod-k8s');
    assert.equal(spawnSync('kubectl', ['config', 'current-context'], { env: process.env, encoding: 'utf8' }).status, 1, 'no current context after removing it');
  });

  it('logs docker in with plain auths, keeping every other key, and the docker CLI reads it', async () => {
    const dockerDir = path.join(home, 'docker');
    fs.mkdirSync(dockerDir);
    const config = path.join(dockerDir, 'config.json');
    fs.writeFileSync(
      config,
      JSON.stringify({ auths: { 'ghcr.io': { auth: 'Z2g6dG9rZW4=' } }, psFormat: 'table {{.ID}}', plugins: { x: { y: 'z' } } }, null, 2),
      { mode: 0o644 },
    );
    setEnv('DOCKER_CONFIG', dockerDir);

    const registry = await node('Acme Demo', 'Account-wide', 'Container registry', 'acme-registry');
    api.setUserInput(new ScriptedUserInput(['Read and write', '30 days']));
    const result = await vscode.commands.executeCommand<{ endpoint: string; helper?: string; username: string }>('digitalocean.registry.login', registry);
    assert.equal(result.endpoint, 'registry.digitalocean.com/acme-registry');
    assert.equal(result.helper, undefined);

    const after = JSON.parse(fs.readFileSync(config, 'utf8')) as { auths: Record<string, { auth?: string }>; psFormat: string; plugins: unknown };
    assert.equal(after.psFormat, 'table {{.ID}}');
    assert.deepEqual(after.plugins, { x: { y: 'z' } });
    assert.deepEqual(after.auths['ghcr.io'], { auth: 'Z2g6dG9rZW4=' });
    assert.match(Buffer.from(after.auths['registry.digitalocean.com'].auth!, 'base64').toString(), /^demo-rw:demo-[0-9a-f]{32}$/);
    assert.equal(fs.statSync(config).mode & 0o777, 0o644);

    // The real docker CLI finds and decodes the stored credentials (it stops at the missing daemon).
    const docker = spawnSync('docker', ['login', 'registry.digitalocean.com'], {
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
      encoding: 'utf8',
      input: '',
    });
    assert.match(docker.stdout + docker.stderr, /Authenticating with existing credentials\.\.\. \[Username: demo-rw\]/);

    await vscode.commands.executeCommand('digitalocean.registry.logout');
    const loggedOut = JSON.parse(fs.readFileSync(config, 'utf8')) as { auths: Record<string, unknown> };
    assert.deepEqual(Object.keys(loggedOut.auths), ['ghcr.io']);
  });

  it('hands the secret to a credential helper on stdin, never on its command line', async () => {
    const bin = path.join(home, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'docker-credential-dotest'), HELPER, { mode: 0o755 });
    setEnv('PATH', `${bin}${path.delimiter}${process.env.PATH}`);
    const dockerDir = path.join(home, '.docker');
    fs.mkdirSync(dockerDir, { mode: 0o700 });
    fs.writeFileSync(path.join(dockerDir, 'config.json'), JSON.stringify({ credsStore: 'dotest' }));

    const registry = await node('Acme Demo', 'Account-wide', 'Container registry', 'acme-registry');
    api.setUserInput(new ScriptedUserInput(['Read only', '7 days']));
    const result = await vscode.commands.executeCommand<{ helper?: string; username: string }>('digitalocean.registry.login', registry);
    assert.equal(result.helper, 'dotest');

    const [action, argc, stdin] = fs.readFileSync(path.join(bin, 'helper.log'), 'utf8').trim().split('\n')[0].split('\t');
    assert.equal(action, 'store');
    assert.equal(argc, '1', 'the helper got only its action as argument');
    const stored = JSON.parse(stdin) as Record<string, string>;
    assert.deepEqual(Object.keys(stored), ['ServerURL', 'Username', 'Secret']);
    assert.equal(stored.ServerURL, 'registry.digitalocean.com');
    assert.equal(stored.Username, 'demo-ro');
    assert.match(stored.Secret, /^demo-[0-9a-f]{32}$/);
    const config = JSON.parse(fs.readFileSync(path.join(dockerDir, 'config.json'), 'utf8')) as { auths: Record<string, unknown>; credsStore: string };
    assert.deepEqual(config.auths['registry.digitalocean.com'], {});
    assert.equal(config.credsStore, 'dotest');
    assert.ok(!fs.readFileSync(path.join(dockerDir, 'config.json'), 'utf8').includes(stored.Secret), 'the secret is not in config.json');

    // docker asks the helper (get) and decodes the user name.
    const docker = spawnSync('docker', ['login', 'registry.digitalocean.com'], {
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
      encoding: 'utf8',
      input: '',
    });
    assert.match(docker.stdout + docker.stderr, /\[Username: demo-ro\]/);

    await vscode.commands.executeCommand('digitalocean.registry.logout');
    const lines = fs.readFileSync(path.join(bin, 'helper.log'), 'utf8').trim().split('\n');
    assert.deepEqual(lines[lines.length - 1].split('\t'), ['erase', '1', 'registry.digitalocean.com']);
    assert.equal(JSON.parse(fs.readFileSync(path.join(bin, 'helper-store.json'), 'utf8'))['registry.digitalocean.com'], undefined);
  });
});
