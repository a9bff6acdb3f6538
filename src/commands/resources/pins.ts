/** Pin a resource to the Pinned view (from its context menu), and unpin it (there). */
import type * as vscode from 'vscode';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { pinOf } from '../../tree/pinned';
import type { CommandDeps } from '../deps';
import { registerCommand } from '../register';
import * as l10n from '@vscode/l10n';

export function registerPinCommands(deps: CommandDeps): vscode.Disposable[] {
  const { pins, log } = deps;
  return [
    registerCommand(deps, 'digitalocean.pin', l10n.t('Pin'), async (arg) => {
      if (!(arg instanceof ResourceNode) || arg.parents.length > 0 || arg.presenter.placement === 'child')
        throw new Error(l10n.t('Run this command on a resource of the DigitalOcean view (droplets, clusters, databases, …).'));
      await pins.add({ accountId: arg.account.id, kind: arg.presenter.kind.kind, id: arg.resourceId, name: arg.name });
      log.info(`[${arg.account.label}] ${arg.presenter.kind.label.toLowerCase()} ${arg.name} pinned`);
    }),
    registerCommand(deps, 'digitalocean.unpin', l10n.t('Unpin'), async (arg) => {
      const pin = pinOf(arg);
      if (!pin) throw new Error(l10n.t('Run this command on an item of the Pinned view.'));
      await pins.remove(pin);
    }),
  ];
}
