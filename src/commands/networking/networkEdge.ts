/**
 * BYOIP prefixes and partner attachments: Advertise Prefix / Stop Advertising Prefix (read fresh,
 * confirmed: it moves traffic for a whole range), and an attachment's Copy Service Key and Copy
 * BGP Auth Key — both secrets, put in the clipboard only: never shown, logged or returned.
 */
import * as vscode from 'vscode';
import { advertiseByoipPrefix, partnerBgpAuthKey, partnerServiceKey } from '../../api/networkEdge';
import { type ByoipPrefix, byoipPrefix } from '../../api/resources/byoipPrefix';
import { byoipPrefixPresenter } from '../../tree/kinds/byoipPrefix';
import { partnerAttachmentPresenter } from '../../tree/kinds/partnerAttachment';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';

export function registerNetworkEdgeCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  const advertise = (on: boolean) => async (arg: unknown) => {
    const node = await resourceTarget(
      deps,
      arg,
      byoipPrefixPresenter,
      on ? vscode.l10n.t('Advertise which prefix?') : vscode.l10n.t('Stop advertising which prefix?'),
    );
    const client = model.client(node.account);
    const prefix = await withProgress(vscode.l10n.t('Reading prefix {0}…', node.name), (signal) =>
      client.get<ByoipPrefix>(byoipPrefix, node.resourceId, { signal }),
    );
    if (Boolean(prefix.advertised) === on) {
      void input.notify('info', on ? vscode.l10n.t('{0} is advertised already.', prefix.prefix) : vscode.l10n.t('{0} is not advertised.', prefix.prefix));
      return prefix.advertised;
    }
    if (prefix.status !== 'active') throw new Error(vscode.l10n.t('{0} is {1}: it can be advertised once it is active.', prefix.prefix, prefix.status));
    await input.confirm(
      on ? vscode.l10n.t('Advertise {0} from DigitalOcean?', prefix.prefix) : vscode.l10n.t('Stop advertising {0}?', prefix.prefix),
      on
        ? vscode.l10n.t('Traffic for the whole range comes to {0}. Stop announcing it from your other network first, or the two compete.', prefix.region)
        : vscode.l10n.t('Traffic for the range no longer reaches DigitalOcean: the resources using its addresses become unreachable on them.'),
      on ? vscode.l10n.t('Advertise') : vscode.l10n.t('Stop Advertising'),
    );
    await withProgress(on ? vscode.l10n.t('Advertising {0}…', prefix.prefix) : vscode.l10n.t('Withdrawing {0}…', prefix.prefix), (signal) =>
      advertiseByoipPrefix(client, prefix.uuid, on, signal),
    );
    log.info(`[${node.account.label}] BYOIP prefix ${prefix.prefix}: ${on ? 'advertised' : 'no longer advertised'}`);
    await model.reloadResource(node.ref);
    return on;
  };

  const copySecret = (what: 'service' | 'bgp') => async (arg: unknown) => {
    const node = await resourceTarget(deps, arg, partnerAttachmentPresenter, vscode.l10n.t('The key of which partner attachment?'));
    const client = model.client(node.account);
    const secret = await withProgress(vscode.l10n.t('Reading the key of {0}…', node.name), async (signal) =>
      what === 'service' ? (await partnerServiceKey(client, node.resourceId, signal)).value : partnerBgpAuthKey(client, node.resourceId, signal),
    );
    const name = what === 'service' ? vscode.l10n.t('service key') : vscode.l10n.t('BGP authentication key');
    if (!secret) throw new Error(vscode.l10n.t('{0} has no {1} yet.', node.name, name));
    await vscode.env.clipboard.writeText(secret);
    // that it was copied, never the key
    log.info(`[${node.account.label}] Partner attachment ${node.name}: ${what === 'service' ? 'service key' : 'BGP auth key'} copied to the clipboard`);
    void input.notify(
      'info',
      what === 'service'
        ? vscode.l10n.t("The service key of {0} is in the clipboard: paste it into the partner's portal to complete the connection.", node.name)
        : vscode.l10n.t('The BGP authentication key of {0} is in the clipboard: paste it into your router’s BGP session settings.', node.name),
    );
    return true;
  };

  return [
    registerCommand(deps, 'digitalocean.byoip.advertise', vscode.l10n.t('Advertise prefix'), advertise(true)),
    registerCommand(deps, 'digitalocean.byoip.withdraw', vscode.l10n.t('Stop advertising prefix'), advertise(false)),
    registerCommand(deps, 'digitalocean.partner.copyServiceKey', vscode.l10n.t('Copy service key'), copySecret('service')),
    registerCommand(deps, 'digitalocean.partner.copyBgpAuthKey', vscode.l10n.t('Copy BGP auth key'), copySecret('bgp')),
  ];
}
