/**
 * Connect, in the real extension host against real servers on loopback started by the harness:
 * an SSH terminal into a real sshd (a command sent to it really runs), the hint when the key is
 * wrong (fingerprints cross-checked with the real ssh-keygen), the Remote-SSH entry (resolved by
 * the real `ssh -G`), and the kubectl terminal's private kubeconfig (read by the real kubectl).
 * ssh reads the file `remote.SSH.configFile` names, which the harness points at a file these
 * tests own; HOME is a temp dir per test.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import type { RemoteWindows } from '../../src/ui/remoteWindows';
import { EXTENSION_ID, eventually, extensionApi, fake, freshDemo, required as requiredEnv, runWithAnswers } from './support/env';
import { fakeState } from './support/fakeState';

const required = (name: string) => requiredEnv(name, 'the harness starts sshd for these tests (npm test)');

describe('Connect', function () {
  this.timeout(120_000);
  let api: TestingApi;
  let home: string;
  const savedHome = process.env.HOME;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const sshConfig = () => required('DO_TEST_SSH_CONFIG');

  async function resourceNode(project: string, group: string, name: string): Promise<ExplorerNode> {
    const [account] = await api.explorer.getChildren();
    const projectNode = (await api.explorer.getChildren(account)).find((n) => label(n) === project)!;
    const groupNode = (await api.explorer.getChildren(projectNode)).find((n) => label(n) === group)!;
    const node = (await api.explorer.getChildren(groupNode)).find((n) => label(n) === name);
    assert.ok(node, `no ${name} in ${project} / ${group}`);
    return node;
  }

  /** web-1 answers on the harness's sshd: its public address is 127.0.0.1. */
  async function dropletOnLoopback(): Promise<ExplorerNode> {
    await fake.call('POST', '/__fake/patch', {
      collection: 'droplets',
      where: { name: 'web-1' },
      set: { networks: { v4: [{ ip_address: '127.0.0.1', netmask: '255.0.0.0', gateway: '127.0.0.1', type: 'public' }], v6: [] } },
    });
    api.model.forget();
    return resourceNode('Acme Web', 'Droplets', 'web-1');
  }

  /** The user's ssh config, as a test user would have it: how to reach 127.0.0.1 with which key. */
  function writeUserSshConfig(key: string): string {
    const text = [
      '# my ssh config: keep this comment',
      'ServerAliveInterval 30',
      '',
      'Host 127.0.0.1',
      `  Port ${required('DO_TEST_SSHD_PORT')}`,
      `  IdentityFile ${key}`,
      '  IdentitiesOnly yes',
      '  StrictHostKeyChecking no',
      '  UserKnownHostsFile /dev/null',
      '  LogLevel ERROR',
      '',
    ].join('\n');
    fs.writeFileSync(sshConfig(), text, { mode: 0o600 });
    return text;
  }

  function closed(terminal: vscode.Terminal, timeoutMs = 30_000): Promise<vscode.TerminalExitStatus | undefined> {
    if (terminal.exitStatus) return Promise.resolve(terminal.exitStatus);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`terminal ${terminal.name} did not close`)), timeoutMs);
      const watch = vscode.window.onDidCloseTerminal((t) => {
        if (t !== terminal) return;
        clearTimeout(timer);
        watch.dispose();
        resolve(t.exitStatus);
      });
    });
  }

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    await freshDemo(api);
    await api.globalState.update('digitalocean.ssh.choices', undefined);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'do-connect-home-'));
    process.env.HOME = home;
    fs.mkdirSync(path.join(home, '.ssh'), { mode: 0o700 });
  });

  afterEach(() => {
    api.setUserInput(undefined);
    api.setRemoteWindows(undefined);
    for (const t of vscode.window.terminals) t.dispose();
    process.env.HOME = savedHome;
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(sshConfig(), { force: true });
    fs.rmSync(`${sshConfig()}.bak`, { force: true });
  });

  it('opens an SSH terminal into the droplet in which a command really runs, asking the login once', async () => {
    writeUserSshConfig(required('DO_TEST_SSH_KEY'));
    const node = await dropletOnLoopback();
    const marker = path.join(os.tmpdir(), `do-ssh-marker-${Date.now()}`);
    const input = await runWithAnswers(api, 'digitalocean.droplet.sshTerminal', node, [required('DO_TEST_SSH_USER')]);
    assert.deepEqual(input.asked, ['Connect to web-1: log in as']);
    const terminal = vscode.window.terminals.find((t) => t.name === 'SSH: web-1');
    assert.ok(terminal, 'a terminal named after the droplet');
    terminal.sendText(`touch ${marker} && exit`);
    await eventually('the command sent to the SSH terminal to run on the sshd', () => fs.existsSync(marker), 30_000);
    fs.rmSync(marker, { force: true });
    assert.equal((await closed(terminal))?.code, 0);

    // the login is remembered: no question the second time
    const again = await runWithAnswers(api, 'digitalocean.droplet.sshTerminal', node, []);
    assert.deepEqual(again.asked, []);
    const second = vscode.window.terminals.find((t) => t.name === 'SSH: web-1')!;
    second.sendText('exit');
    await closed(second);
  });

  it("runs the program and ssh config of the user's settings, never a cloned workspace's, from the home folder", async () => {
    writeUserSshConfig(required('DO_TEST_SSH_KEY'));
    const node = await dropletOnLoopback();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run with a workspace folder open');
    // a hostile repository: its settings name /bin/sh as ssh and its own ssh config with a
    // ProxyCommand; `sh -l <user> <ip>` would run the file named after the login, here
    const ws = folder.uri.fsPath;
    const marker = path.join(os.tmpdir(), `do-hostile-marker-${Date.now()}`);
    const user = required('DO_TEST_SSH_USER');
    const planted = [path.join(ws, user), path.join(ws, 'evil_ssh_config'), path.join(ws, '.vscode')];
    fs.writeFileSync(path.join(ws, user), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(ws, 'evil_ssh_config'), `Host *\n  ProxyCommand sh -c 'touch ${marker}'\n`);
    fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    fs.writeFileSync(
      path.join(ws, '.vscode', 'settings.json'),
      JSON.stringify({ 'remote.SSH.path': '/bin/sh', 'remote.SSH.configFile': 'evil_ssh_config', 'editor.tabSize': 7 }),
    );
    try {
      await eventually('VS Code to read the workspace settings', () => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue === 7);
      assert.equal(vscode.workspace.getConfiguration('remote.SSH').get('path'), '/bin/sh', 'unregistered, the workspace value would apply to a plain get()');
      const input = await runWithAnswers(api, 'digitalocean.droplet.sshTerminal', node, [user]);
      assert.deepEqual(input.asked, ['Connect to web-1: log in as'], 'the command ran to its prompt');
      assert.deepEqual(input.rejections, []);
      const terminal = vscode.window.terminals.find((t) => t.name === 'SSH: web-1');
      assert.ok(terminal, 'a terminal');
      const options = terminal.creationOptions as vscode.TerminalOptions;
      assert.match(String(options.shellPath), /\/ssh$/, "the system ssh, not the workspace's program");
      assert.deepEqual(options.shellArgs, ['-F', sshConfig(), '-l', user, '--', '127.0.0.1'], "the user's ssh config, and -- before the address");
      assert.equal(String(options.cwd), os.homedir(), 'started in the home folder');
      assert.equal(options.message, `Running ${options.shellPath} -F ${sshConfig()} -l ${user} -- 127.0.0.1`, 'the first line says what runs');
      const reached = path.join(os.tmpdir(), `do-ssh-reached-${Date.now()}`);
      terminal.sendText(`touch ${reached} && exit`);
      await eventually('the command to run on the sshd', () => fs.existsSync(reached), 30_000);
      fs.rmSync(reached, { force: true });
      assert.equal((await closed(terminal))?.code, 0);
      assert.ok(!fs.existsSync(marker), 'nothing of the workspace ran');
    } finally {
      for (const p of planted) fs.rmSync(p, { recursive: true, force: true });
      fs.rmSync(marker, { force: true });
    }
  });

  it('says which key the account has and where it is on this machine when the login fails', async () => {
    // the account knows the harness's client key (uploaded with Add SSH Key from ~/.ssh) …
    const pub = fs.readFileSync(`${required('DO_TEST_SSH_KEY')}.pub`, 'utf8');
    fs.writeFileSync(path.join(home, '.ssh', 'id_do_test.pub'), pub);
    const added = await runWithAnswers(api, 'digitalocean.sshKey.add', undefined, ['id_do_test.pub', 'laptop-test']);
    assert.equal(added.rejections.length, 0);
    const keys = (await fakeState()).sshKeys;
    const uploaded = keys.find((k) => k.name === 'laptop-test');
    assert.ok(uploaded, 'the key is in the account');
    const md5 = execFileSync('ssh-keygen', ['-l', '-E', 'md5', '-f', `${required('DO_TEST_SSH_KEY')}.pub`], { encoding: 'utf8' })
      .split(' ')[1]
      .replace(/^MD5:/, '');
    const sha256 = execFileSync('ssh-keygen', ['-l', '-f', `${required('DO_TEST_SSH_KEY')}.pub`], { encoding: 'utf8' }).split(' ')[1];

    // … but ssh is configured with another key
    writeUserSshConfig(required('DO_TEST_SSH_WRONG_KEY'));
    const node = await dropletOnLoopback();
    const input = await runWithAnswers(api, 'digitalocean.droplet.sshTerminal', node, [required('DO_TEST_SSH_USER')]);
    const terminal = vscode.window.terminals.find((t) => t.name === 'SSH: web-1')!;
    assert.equal((await closed(terminal))?.code, 255);
    const notice = await eventually('the login hint', () => input.notices.find((n) => n.includes('Could not log in to web-1')));
    assert.ok(notice.startsWith('warning: '));
    assert.ok(notice.includes(`"laptop-test" (${md5}, on this machine as ~/.ssh/id_do_test.pub (${sha256}))`), notice);
  });

  it('makes a new key with ssh-keygen in a terminal (the passphrase typed there) and adds it to the account', async () => {
    const pending = runWithAnswers(api, 'digitalocean.sshKey.add', undefined, ['Generate a new key with ssh-keygen…', 'id_generated', 'generated-key']);
    const terminal = await eventually('the ssh-keygen terminal', () => vscode.window.terminals.find((t) => t.name === 'ssh-keygen'));
    // an empty passphrase, twice, typed into ssh-keygen's own prompts
    for (const wait of [2_000, 1_000]) {
      await new Promise((r) => setTimeout(r, wait));
      terminal.sendText('');
    }
    const input = await pending;
    assert.equal(input.rejections.length, 0);
    const file = path.join(home, '.ssh', 'id_generated');
    assert.equal(fs.statSync(file).mode & 0o077, 0, 'the private key is private');
    const md5 = execFileSync('ssh-keygen', ['-l', '-E', 'md5', '-f', `${file}.pub`], { encoding: 'utf8' })
      .split(' ')[1]
      .replace(/^MD5:/, '');
    const keys = (await fakeState()).sshKeys;
    assert.deepEqual(
      keys.filter((k) => k.name === 'generated-key').map((k) => k.fingerprint),
      [md5],
    );
    assert.ok(
      input.notices.some((n) => n.includes(`Added generated-key (${md5})`)),
      input.notices.join('\n'),
    );
  });

  it('refuses a droplet that is off before starting anything', async () => {
    const node = await resourceNode('Data Platform', 'Droplets', 'etl-runner');
    const before = vscode.window.terminals.length;
    const input = await runWithAnswers(api, 'digitalocean.droplet.sshTerminal', node, []);
    assert.deepEqual(input.asked, []);
    assert.deepEqual(input.notices, ['error: Open SSH terminal failed: etl-runner is powered off: power it on first, then connect.'], 'said why, once');
    assert.equal(vscode.window.terminals.length, before);
  });

  /** Whether the droplet's context menu offers Remove SSH Config Entry: package.json's `viewItem` pattern against the node's contextValue. */
  function offersRemove(node: ExplorerNode): boolean {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const entry = manifest.contributes.menus['view/item/context'].find((m) => m.command === 'digitalocean.droplet.removeSshConfigEntry')!;
    const pattern = /viewItem =~ \/(.+?)\/ &&/.exec(entry.when!)![1];
    return new RegExp(pattern).test(String(node.toTreeItem().contextValue));
  }

  it('connects in a new window through a Host entry ssh -G resolves, and removes it again, leaving the file as it was', async () => {
    const original = writeUserSshConfig(required('DO_TEST_SSH_KEY'));
    const node = await dropletOnLoopback();
    const other = await resourceNode('Acme Web', 'Droplets', 'web-2');
    assert.equal(offersRemove(node), false, 'no entry yet: Remove SSH Config Entry is not offered');
    const redrawn: ExplorerNode[] = [];
    const watch = api.explorer.onDidChangeTreeData((n) => n && redrawn.push(n));
    const opened: string[] = [];
    const windows: RemoteWindows = {
      remoteSshExtension: () => 'jeanp413.open-remote-ssh',
      remoteSshToInstall: () => 'jeanp413.open-remote-ssh',
      openRemote: async (a) => void opened.push(a),
    };
    api.setRemoteWindows(windows);
    await runWithAnswers(api, 'digitalocean.droplet.connectRemoteSsh', node, [required('DO_TEST_SSH_USER')]);
    assert.deepEqual(opened, ['ssh-remote+do-web-1']);
    const written = fs.readFileSync(sshConfig(), 'utf8');
    assert.ok(written.includes('# my ssh config: keep this comment\n'), "the user's comment is kept");
    assert.equal(fs.readFileSync(`${sshConfig()}.bak`, 'utf8'), original);
    assert.equal(fs.statSync(sshConfig()).mode & 0o777, 0o600);
    const resolved = execFileSync('ssh', ['-G', '-F', sshConfig(), 'do-web-1'], { encoding: 'utf8' });
    assert.match(resolved, /^hostname 127\.0\.0\.1$/m);
    assert.match(resolved, new RegExp(`^user ${required('DO_TEST_SSH_USER')}$`, 'm'));
    assert.match(resolved, /^port 22$/m);
    assert.match(resolved, /^serveraliveinterval 30$/m, 'the options for every host still apply');
    // and the entry really reaches the droplet's sshd, given the port the test's sshd listens on
    const out = execFileSync(
      'ssh',
      [
        '-F',
        sshConfig(),
        '-o',
        `Port=${required('DO_TEST_SSHD_PORT')}`,
        '-o',
        `IdentityFile=${required('DO_TEST_SSH_KEY')}`,
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-o',
        'BatchMode=yes',
        'do-web-1',
        'echo reached',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(out.trim(), 'reached');
    await eventually('Remove SSH Config Entry offered on web-1 once its entry is written', () => offersRemove(node));
    assert.ok(
      redrawn.some((n) => n.id === node.id),
      'the view was told to draw web-1 again',
    );
    assert.equal(offersRemove(other), false, 'web-2 has no entry');

    await runWithAnswers(api, 'digitalocean.droplet.removeSshConfigEntry', node, []);
    assert.equal(fs.readFileSync(sshConfig(), 'utf8'), original);
    await eventually('Remove SSH Config Entry no longer offered on web-1', () => !offersRemove(node));

    // the file changed by another program (another window, an editor) is followed too
    fs.writeFileSync(sshConfig(), written);
    await eventually('the entry written by another program seen', () => offersRemove(node));
    fs.writeFileSync(sshConfig(), original);
    await eventually('its removal by another program seen', () => !offersRemove(node));
    watch.dispose();
  });

  it('says Remote-SSH is missing and offers to install it or open the SSH terminal instead', async () => {
    writeUserSshConfig(required('DO_TEST_SSH_KEY'));
    const node = await dropletOnLoopback();
    const opened: string[] = [];
    api.setRemoteWindows({
      remoteSshExtension: () => undefined,
      remoteSshToInstall: () => 'jeanp413.open-remote-ssh',
      openRemote: async (a) => void opened.push(a),
    });
    const input = await runWithAnswers(api, 'digitalocean.droplet.connectRemoteSsh', undefined, ['web-1']);
    assert.deepEqual(input.notices, [
      'warning: Connecting to web-1 in a new window needs the Remote - SSH extension (jeanp413.open-remote-ssh), which is not installed.',
    ]);
    assert.deepEqual(opened, []);
    assert.ok(!fs.readFileSync(sshConfig(), 'utf8').includes('do-web-1'), 'no entry is written');
    assert.ok(node);
  });

  it('opens a kubectl terminal on a private kubeconfig of that cluster only, gone when the terminal closes', async () => {
    const node = await resourceNode('Acme Web', 'Kubernetes clusters', 'prod-k8s');
    await runWithAnswers(api, 'digitalocean.kubernetes.kubectlTerminal', node, []);
    const terminal = vscode.window.terminals.find((t) => t.name === 'kubectl: prod-k8s');
    assert.ok(terminal);
    const file = (terminal.creationOptions as vscode.TerminalOptions).env?.KUBECONFIG;
    assert.ok(file && fs.existsSync(file), 'KUBECONFIG names a file that exists');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);
    const view = JSON.parse(
      execFileSync('kubectl', ['config', 'view', '--raw', '-o', 'json'], { env: { ...process.env, KUBECONFIG: file }, encoding: 'utf8' }),
    );
    assert.equal(view.clusters.length, 1);
    assert.match(view.clusters[0].name, /prod-k8s/);
    assert.equal(view.contexts.length, 1);
    assert.ok(!fs.existsSync(path.join(home, '.kube', 'config')), '~/.kube/config is not written');
    terminal.dispose();
    await eventually('the temporary kubeconfig to be removed', () => !fs.existsSync(path.dirname(file)));
  });

  /** main-pg answers on the harness's PostgreSQL (its /ca: the CA in `caFile`), and knows a user "app" with the fake's password. */
  async function pgOnLoopback(caFile: string): Promise<{ node: ExplorerNode; password: string }> {
    const port = Number(required('DO_TEST_PG_PORT'));
    const data = await fakeState();
    const db = data.databases.find((d) => d.name === 'main-pg')!;
    const password = data.databaseUsers[db.id].find((u) => u.name === 'app')!.password!;
    const admin = { ...process.env, PGPASSWORD: required('DO_TEST_PG_PASSWORD'), PGSSLMODE: 'verify-full', PGSSLROOTCERT: required('DO_TEST_PG_CA') };
    execFileSync(
      'psql',
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        required('DO_TEST_PG_USER'),
        '-d',
        'postgres',
        '-c',
        `drop role if exists app; create role app login password '${password}'`,
      ],
      { env: admin, stdio: 'ignore' },
    );
    await fake.call('POST', '/__fake/patch', {
      collection: 'databases',
      where: { name: 'main-pg' },
      set: {
        connection: {
          uri: `postgresql://doadmin@127.0.0.1:${port}/defaultdb`,
          database: 'defaultdb',
          host: '127.0.0.1',
          port,
          user: 'doadmin',
          password: 'unused',
          ssl: true,
        },
      },
    });
    await fake.call('POST', '/__fake/database-ca', { name: 'main-pg', pem: fs.readFileSync(caFile, 'utf8') });
    api.model.forget();
    return { node: await resourceNode('Acme Web', 'Databases', 'main-pg'), password };
  }

  it("opens psql on a real PostgreSQL over TLS verified with the cluster's CA, as the picked user; the password is on no command line, in no option, log or leftover file", async () => {
    const { node, password } = await pgOnLoopback(required('DO_TEST_PG_CA'));

    const started = Date.now() - 1_000;
    const input = await runWithAnswers(api, 'digitalocean.database.shell', node, ['app', 'defaultdb']);
    assert.deepEqual(input.asked, ['Shell on main-pg: log in as', 'Shell on main-pg: database']);
    const terminal = vscode.window.terminals.find((t) => t.name === 'psql: main-pg');
    assert.ok(terminal, 'a psql terminal');
    const options = terminal.creationOptions as vscode.TerminalOptions;
    const passFile = options.env?.PGPASSFILE;
    assert.ok(passFile && fs.existsSync(passFile), 'psql gets a password file');
    assert.equal(fs.statSync(passFile).mode & 0o777, 0o600);
    assert.ok(!JSON.stringify(options).includes(password), 'the password is in the terminal options');
    assert.equal(options.env?.PGSSLMODE, 'verify-full', 'the server is verified, not only encrypted');
    assert.equal(fs.readFileSync(options.env?.PGSSLROOTCERT ?? '', 'utf8'), fs.readFileSync(required('DO_TEST_PG_CA'), 'utf8'), 'against the CA the API gave');
    assert.deepEqual(options.shellArgs, [], "no name on psql's command line");

    const marker = path.join(os.tmpdir(), `do-psql-marker-${Date.now()}`);
    terminal.sendText(`select current_user || ' ' || ssl from pg_stat_ssl where pid = pg_backend_pid() \\g ${marker}`);
    const answer = String(await eventually('psql to run the query on the server', () => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8'), 30_000));
    assert.match(answer, /app t/, 'logged in as app over TLS');
    fs.rmSync(marker, { force: true });

    // while psql runs: the password is on no process's command line, nor in psql's environment
    const procs = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    const read = (file: string) => {
      try {
        return fs.readFileSync(file, 'latin1');
      } catch {
        return '';
      }
    };
    const psql = procs.filter((p) => read(`/proc/${p}/cmdline`).split('\0')[0].endsWith('psql'));
    assert.ok(psql.length > 0, 'a psql process runs');
    for (const p of procs) assert.ok(!read(`/proc/${p}/cmdline`).includes(password), `the password is on the command line of process ${p}`);
    for (const p of psql) assert.ok(!read(`/proc/${p}/environ`).includes(password), "the password is in psql's environment");

    terminal.sendText('\\q');
    assert.equal((await closed(terminal))?.code, 0);
    await eventually('the password file to be removed', () => !fs.existsSync(path.dirname(passFile)));
    const logs = path.dirname(api.logUri.fsPath);
    // files written since the shell was asked for (older ones, such as bundles of the demo data, hold its password by design)
    const entries = (dir: string) => {
      try {
        return fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return []; // not ours to read
      }
    };
    const files = (dir: string, depth: number): string[] =>
      entries(dir).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return depth > 0 ? files(full, depth - 1) : [];
        if (!e.isFile()) return [];
        const stat = fs.statSync(full, { throwIfNoEntry: false });
        return stat !== undefined && stat.size < 1_000_000 && stat.mtimeMs >= started ? [full] : [];
      });
    for (const file of [...files(logs, 3), ...files(os.tmpdir(), 2)]) {
      assert.ok(!read(file).includes(password), `the password is in ${file}`);
    }
  });

  it("refuses a database server whose certificate the cluster's CA did not sign: psql stops before logging in, and its files go", async () => {
    // the API names another CA than the one that signed the server: a server in the middle
    const { node } = await pgOnLoopback(required('DO_TEST_PG_OTHER_CA'));
    await runWithAnswers(api, 'digitalocean.database.shell', node, ['app', 'defaultdb']);
    const terminal = vscode.window.terminals.find((t) => t.name === 'psql: main-pg');
    assert.ok(terminal, 'a psql terminal');
    const dir = path.dirname((terminal.creationOptions as vscode.TerminalOptions).env!.PGPASSFILE!);
    const status = await closed(terminal);
    assert.equal(status?.code, 2, 'psql could not connect (exit code 2): the certificate does not verify');
    await eventually('the private files to be removed', () => !fs.existsSync(dir));
  });
});
