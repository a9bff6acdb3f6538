/** Assigning and unassigning a reserved address, IPv4 or IPv6: the same two actions, run and confirmed the same way. */
import * as vscode from 'vscode';
import type { ResourceKind } from '../../api';
import type { ResourceNode } from '../../tree/nodes/resourceNode';
import { runAction } from '../actionRunner';
import type { CommandDeps } from '../deps';

type AddressKind = ResourceKind<never> | ResourceKind<unknown>;

export function assignAddress(deps: CommandDeps, node: ResourceNode, kind: AddressKind, ip: string, droplet: { id: number; name: string }) {
  return runAction(deps, {
    node,
    title: vscode.l10n.t('Assign {0} to {1}', ip, droplet.name),
    transition: vscode.l10n.t('Assigning…'),
    start: (client, signal) => client.act(kind, ip, 'assign', { droplet_id: droplet.id }, { signal }),
  });
}

/** `consequence`: what unassigning means for this kind of address, shown in the confirmation. */
export async function unassignAddress(deps: CommandDeps, node: ResourceNode, kind: AddressKind, ip: string, dropletName: string, consequence: string) {
  await deps.input.confirm(vscode.l10n.t('Unassign {0} from {1}?', ip, dropletName), consequence, vscode.l10n.t('Unassign'));
  return runAction(deps, {
    node,
    title: vscode.l10n.t('Unassign {0}', ip),
    transition: vscode.l10n.t('Unassigning…'),
    start: (client, signal) => client.act(kind, ip, 'unassign', {}, { signal }),
  });
}
