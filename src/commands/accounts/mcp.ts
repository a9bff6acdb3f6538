/**
 * Offer MCP Servers to Agents…: which accounts' DigitalOcean MCP servers, and which product areas,
 * VS Code's agents may use (src/agents/mcp.ts offers them). The choice goes to the user's settings
 * (`digitalocean.mcp.accounts`, `digitalocean.mcp.services`); tokens stay in secret storage.
 */
import * as vscode from 'vscode';
import { MCP_SERVICES } from '../../api/mcpServices';
import { registerCommand } from '../register';
import type { CommandDeps } from '../deps';

const AREAS: Record<(typeof MCP_SERVICES)[number], string> = {
  accounts: vscode.l10n.t('account, balance, billing, SSH keys'),
  apps: vscode.l10n.t('App Platform: apps, deployments, logs'),
  databases: vscode.l10n.t('managed databases'),
  doks: vscode.l10n.t('Kubernetes clusters and node pools'),
  droplets: vscode.l10n.t('droplets, images, sizes'),
  insights: vscode.l10n.t('uptime checks and alerts'),
  marketplace: vscode.l10n.t('1-Click apps'),
  networking: vscode.l10n.t('domains, load balancers, firewalls, VPCs, reserved IPs, CDN'),
  spaces: vscode.l10n.t('Spaces buckets and keys'),
};

export function registerMcpCommands(deps: CommandDeps): vscode.Disposable[] {
  const { store, input, log } = deps;
  return [
    registerCommand(deps, 'digitalocean.mcp.choose', vscode.l10n.t('Offer MCP servers to agents'), async () => {
      const config = vscode.workspace.getConfiguration('digitalocean');
      const accountsNow = config.inspect<string[]>('mcp.accounts')?.globalValue ?? [];
      const servicesNow = config.inspect<string[]>('mcp.services')?.globalValue ?? [];
      const candidates = store.list().filter((a) => !a.demo);
      if (!candidates.length) throw new Error(vscode.l10n.t('Add an account with a token first: the demo account has no token to give an MCP server.'));
      const accounts = await input.quickPickMany(
        candidates.map((a) => ({
          label: a.label,
          description: a.needsToken ? vscode.l10n.t('needs a new token') : a.email,
          picked: accountsNow.includes(a.label) || accountsNow.includes(a.id),
          account: a,
        })),
        {
          title: vscode.l10n.t('Offer MCP servers to agents (1/2): which accounts'),
          placeHolder: vscode.l10n.t('Each server gets the account’s token from secret storage when it starts. None: turn the servers off.'),
        },
      );
      const services = accounts.length
        ? await input.quickPickMany(
            MCP_SERVICES.map((service) => ({ label: service, description: AREAS[service], picked: servicesNow.includes(service), service })),
            { title: vscode.l10n.t('Offer MCP servers to agents (2/2): which product areas') },
          )
        : [];
      const labels = accounts.map((a) => a.account.label);
      await config.update('mcp.accounts', labels, vscode.ConfigurationTarget.Global);
      await config.update(
        'mcp.services',
        services.map((s) => s.service),
        vscode.ConfigurationTarget.Global,
      );
      const count = labels.length * services.length;
      log.info(`MCP servers offered to agents: ${services.map((s) => s.service).join(', ') || 'none'} for ${labels.join(', ') || 'no account'}`);
      void vscode.window.showInformationMessage(
        count
          ? vscode.l10n.t(
              '{0} DigitalOcean MCP server(s) offered to agents: {1} for {2}. Tokens stay in secret storage until a server starts.',
              count,
              services.map((s) => s.service).join(', '),
              labels.join(', '),
            )
          : vscode.l10n.t('DigitalOcean MCP servers are no longer offered to agents.'),
      );
      return { accounts: labels, services: services.map((s) => s.service) };
    }),
  ];
}
