/**
 * Every command of the extension, registered from this one list; each family's ids are literal
 * strings in its file (`registerCommand(deps, 'digitalocean.droplet.powerOff', …)`), so a search
 * for an id finds its handler. package.json declares the same set: the integration suite checks
 * that every declared command is registered and every registered one declared.
 */
import type * as vscode from 'vscode';
import { registerAccountCommands } from './accounts';
import { registerCredentialCommands } from './credentials';
import { registerDatabaseCommands } from './database';
import type { CommandDeps } from './deps';
import { registerDetailCommands } from './details';
import { registerDomainCommands } from './domain';
import { registerCreateDroplet, registerDropletCommands } from './droplet';
import { registerKubernetesCommands } from './kubernetes';
import { registerReservedIpCommands } from './reservedIp';
import { registerResourceCommands } from './resources';
import { registerTagCommands } from './tag';
import { registerVolumeCommands } from './volume';

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    ...registerDetailCommands(deps),
    ...registerAccountCommands(deps),
    ...registerResourceCommands(deps),
    ...registerCredentialCommands(deps),
    ...registerDropletCommands(deps),
    registerCreateDroplet(deps),
    ...registerReservedIpCommands(deps),
    ...registerVolumeCommands(deps),
    ...registerDomainCommands(deps),
    ...registerDatabaseCommands(deps),
    ...registerKubernetesCommands(deps),
    ...registerTagCommands(deps),
  ];
}
