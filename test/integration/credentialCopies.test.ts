/**
 * Credentials handed to the user (src/commands/kubernetes/accessCopies.ts): a kubeconfig saved where the
 * user picks, a Docker password to the clipboard. Both builds have them; on the web they stand in
 * for Add to kubeconfig and Log in Docker. Runs in the Node host and in the web worker host.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { ScriptedUserInput } from './support/scriptedInput';
import { extensionApi, freshDemo, logShowing, nodeAt } from './support/env';

describe('Credentials handed to the user', function () {
  this.timeout(60_000);
  let api: TestingApi;

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api));

  afterEach(() => api.setUserInput(undefined));

  it("saves a cluster's kubeconfig where the user picks, with the configured token expiry; the token is in no log", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test window has a workspace folder');
    const target = vscode.Uri.joinPath(folder, `kubeconfig-${Date.now()}.yaml`);
    const input = new ScriptedUserInput([target.toString()]);
    api.setUserInput(input);
    const cluster = await nodeAt(api, 'Acme Web', 'Kubernetes clusters', 'prod-k8s');
    const saved = await vscode.commands.executeCommand<vscode.Uri>('digitalocean.kubernetes.downloadKubeconfig', cluster);
    assert.equal(saved?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^apiVersion: v1/m);
    assert.match(text, /server: https:\/\/\S+k8s\.ondigitalocean\.com/);
    const token = /token: (\S+)/.exec(text)?.[1];
    assert.ok(token && token.length > 20, `a token in the file: ${text}`);
    assert.match(input.notices.join('\n'), /Saved the kubeconfig of prod-k8s to .*kubeconfig-\d+\.yaml\. Its token expires in 7 days/);
    const log = await logShowing(api, /kubeconfig of prod-k8s saved to/);
    assert.ok(!log.includes(token), 'the token is in the log');
    assert.ok(!input.notices.join('\n').includes(token), 'the token is in a notification');
    assert.ok(!input.notices.some((n) => n.includes('git work tree')), 'no warning: the folder is in no git work tree');
    await vscode.workspace.fs.delete(target);
  });

  it('warns before saving a kubeconfig inside a git work tree, and saves nothing unless told to', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const git = vscode.Uri.joinPath(folder, '.git');
    await vscode.workspace.fs.createDirectory(git);
    const sub = vscode.Uri.joinPath(folder, `deploy-${Date.now()}`);
    await vscode.workspace.fs.createDirectory(sub);
    try {
      const cluster = await nodeAt(api, 'Acme Web', 'Kubernetes clusters', 'prod-k8s');
      const target = vscode.Uri.joinPath(sub, 'kubeconfig.yaml');
      // declined: nothing written, nothing shown as an error
      const declined = new ScriptedUserInput([target.toString()]);
      api.setUserInput(declined);
      assert.equal(await vscode.commands.executeCommand('digitalocean.kubernetes.downloadKubeconfig', cluster), undefined);
      assert.equal(declined.notices.length, 1);
      assert.match(declined.notices[0], /^warning: .*kubeconfig\.yaml is inside the git work tree .* could be committed with it\. Save it there anyway\?$/);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no file after declining');
      // told to: saved
      const told = new ScriptedUserInput([target.toString()]);
      told.noticeAnswers.push('Save Here Anyway');
      api.setUserInput(told);
      const saved = await vscode.commands.executeCommand<vscode.Uri>('digitalocean.kubernetes.downloadKubeconfig', cluster);
      assert.equal(saved?.toString(), target.toString());
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /^apiVersion: v1/m);
    } finally {
      await vscode.workspace.fs.delete(sub, { recursive: true });
      await vscode.workspace.fs.delete(git, { recursive: true });
    }
  });

  it('copies a Docker password to the clipboard only, with the docker login line to paste it into, and offers it back after the line', async () => {
    await vscode.env.clipboard.writeText('before');
    const input = new ScriptedUserInput(['Read and write', '1 day']);
    input.noticeAnswers.push('Copy Command', 'Copy Password');
    api.setUserInput(input);
    const registry = await nodeAt(api, 'Account-wide', 'Container registry', 'acme-registry');
    const result = await vscode.commands.executeCommand<{ username: string; line: string }>('digitalocean.registry.copyDockerPassword', registry);
    assert.equal(result?.line, 'docker login registry.digitalocean.com --username demo-rw --password-stdin');
    // the last button put the password back in the clipboard, after the command had been there
    const secret = await vscode.env.clipboard.readText();
    assert.match(secret, /^demo-[0-9a-f]{32}$/, `the clipboard holds: ${secret}`);
    assert.equal(input.notices.length, 2);
    assert.match(
      input.notices[0],
      /The Docker password for acme-registry is in the clipboard \(read-write, expires in 1 day\)\. Run docker login registry\.digitalocean\.com --username demo-rw --password-stdin and paste it\./,
    );
    assert.ok(!input.notices.join('\n').includes(secret), 'the password is in a notification');
    const log = await logShowing(api, /Docker password for acme-registry \(read-write, 1 day\) copied to the clipboard/);
    assert.ok(!log.includes(secret), 'the password is in the log');
  });
});
