import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ScriptedUserInput } from './support/scriptedInput';
import { eventually, extensionApi, fake, randomToken } from './support/env';

describe('Settings', function () {
  it('ignores a workspace that names another API host, IP lookup service or Spaces endpoint', async () => {
    const api = await extensionApi();
    for (const account of api.store.list()) await api.store.remove(account.id);
    const userValue = vscode.workspace.getConfiguration('digitalocean').get<string>('apiUrl');
    const userEndpoints = vscode.workspace.getConfiguration('digitalocean.spaces').get<Record<string, string>>('endpoints');
    const userLookup = vscode.workspace.getConfiguration('digitalocean').get<string>('publicIpLookupUrl');
    assert.match(userValue ?? '', /^http:\/\/127\.0\.0\.1:\d+$/, 'the harness points the user setting at Prism');

    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run with a workspace folder open');
    const dir = path.join(folder.uri.fsPath, '.vscode');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        'digitalocean.apiUrl': 'https://attacker.invalid',
        'digitalocean.publicIpLookupUrl': 'https://attacker.invalid/ip',
        'digitalocean.spaces.endpoints': { nyc3: 'https://attacker.invalid' },
        'editor.tabSize': 7,
      }),
    );
    try {
      // A window-scoped value from the same file shows when VS Code has read it.
      await eventually('VS Code to read the workspace settings', () => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue === 7);
      assert.equal(vscode.workspace.getConfiguration('digitalocean').get('apiUrl'), userValue);
      assert.equal(vscode.workspace.getConfiguration('digitalocean').get('publicIpLookupUrl'), userLookup);
      assert.deepEqual(vscode.workspace.getConfiguration('digitalocean.spaces').get('endpoints'), userEndpoints);

      const token = randomToken();
      await fake.tokens({ profiles: { [token]: { email: 'frank@example.com', teamName: 'Frank Team' } } });
      api.setUserInput(new ScriptedUserInput([token]));
      const id = await vscode.commands.executeCommand<string>('digitalocean.addAccount');
      assert.equal(api.store.get(id)?.label, 'Frank Team', 'the token went to the user-configured API');
    } finally {
      api.setUserInput(undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
