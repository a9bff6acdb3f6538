/**
 * DigitalOcean's own MCP program (`mcp-digitalocean` from the npm package `@digitalocean/mcp`,
 * a devDependency) started the way VS Code starts our stdio definition: the command, arguments
 * and environment the provider gives once it has resolved the account's token, spoken to by a
 * real MCP client (`@modelcontextprotocol/sdk`), against the fake API through Prism (the
 * definition points the program at `digitalocean.apiUrl`). What it lists is what the fake holds;
 * the token is in the process's environment and not on its command line. Node only (a program).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { TestingApi } from '../../src/extension';
import { EXTENSION_ID, extensionApi, fake, freshDemo, randomToken, runWithAnswers } from './support/env';
import { fakeState } from './support/fakeState';
import { ScriptedUserInput } from './support/scriptedInput';

const PROGRAMS: Record<string, string> = { 'linux-x64': 'mcp-digitalocean-linux-amd64', 'linux-arm64': 'mcp-digitalocean-linux-arm64' };

describe('The local DigitalOcean MCP program, as our stdio definition starts it', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const config = () => vscode.workspace.getConfiguration('digitalocean');

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(async () => {
    for (const key of ['mcp.services', 'mcp.accounts', 'mcp.localServer']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  it("lists the account's droplets from the fake, with the token in its environment only", async () => {
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const name = PROGRAMS[`${process.platform}-${process.arch}`];
    assert.ok(name, `no mcp-digitalocean program for ${process.platform}-${process.arch}`);
    const program = path.join(root, 'node_modules', '@digitalocean', 'mcp', 'dist', name);
    assert.ok(fs.existsSync(program), `${program} (npm install brings it)`);

    const token = randomToken();
    await fake.tokens({ profiles: { [token]: { email: 'local-mcp@example.com', teamName: 'Local MCP Team' } } });
    api.setUserInput(new ScriptedUserInput([token]));
    await vscode.commands.executeCommand('digitalocean.addAccount');
    await runWithAnswers(api, 'digitalocean.mcp.choose', undefined, [['Local MCP Team'], ['droplets']]);
    await config().update('mcp.localServer', program, vscode.ConfigurationTarget.Global);

    const listed = (await api.mcpServers.provideMcpServerDefinitions()) ?? [];
    const local = listed.find((d): d is vscode.McpStdioServerDefinition => d instanceof vscode.McpStdioServerDefinition);
    assert.ok(local, listed.map((d) => d.label).join(', '));
    const started = (await api.mcpServers.resolveMcpServerDefinition(local)) as vscode.McpStdioServerDefinition;

    const transport = new StdioClientTransport({
      command: started.command,
      args: started.args,
      env: Object.fromEntries(Object.entries(started.env).filter((e): e is [string, string] => typeof e[1] === 'string')),
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const client = new Client({ name: 'digitalocean-explorer-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const pid = transport.pid!;
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      assert.ok(!commandLine.includes(token), 'the token is not on the command line');
      assert.ok(fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`DIGITALOCEAN_API_TOKEN=${token}`), 'it is in the environment');

      const tools = (await client.listTools()).tools.map((t) => t.name);
      assert.ok(tools.includes('droplet-list'), tools.join(' '));
      const result = (await client.callTool({ name: 'droplet-list', arguments: { Page: 1, PerPage: 50 } })) as {
        content: { type: string; text: string }[];
        isError?: boolean;
      };
      assert.ok(!result.isError, `${JSON.stringify(result).slice(0, 500)}\n${stderr}`);
      const droplets = JSON.parse(result.content[0].text) as { name: string }[];
      const state = await fakeState();
      assert.deepEqual(
        droplets.map((d) => d.name).sort(),
        state.droplets
          .map((d) => d.name)
          .sort()
          .slice(0, 50),
      );
    } finally {
      await client.close();
    }
    assert.ok(!stderr.includes(token), 'the program does not print the token');
  });
});
