/**
 * CDN endpoints: Purge Cache (everything, or the paths typed — checked before the request) and
 * Change Cache Lifetime (one of the five TTLs the API takes, the current one marked).
 */
import * as vscode from 'vscode';
import { CDN_TTLS, type CdnEndpoint, cdnEndpoint as cdnKind, purgePaths } from '../../api/resources/cdnEndpoint';
import { itemPath } from '../../api/resources/descriptor';
import { cdnEndpointPresenter } from '../../tree/kinds/cdnEndpoint';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';

const ttlLabel = (seconds: number) =>
  seconds === 60
    ? vscode.l10n.t('1 minute')
    : seconds < 3600
      ? vscode.l10n.t('{0} minutes', seconds / 60)
      : seconds < 86400
        ? vscode.l10n.t('1 hour')
        : seconds < 604800
          ? vscode.l10n.t('1 day')
          : vscode.l10n.t('1 week');

export function registerCdnCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;
  const target = (arg: unknown, title: string) => resourceTarget(deps, arg, cdnEndpointPresenter, title);

  return [
    registerCommand(deps, 'digitalocean.cdn.purge', vscode.l10n.t('Purge CDN cache'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Purge the cache of a CDN endpoint'));
      const endpoint = node.item as CdnEndpoint;
      const title = vscode.l10n.t('Purge the cache of {0}', endpoint.endpoint);
      const everything = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('Everything'), description: vscode.l10n.t('every file is fetched from the Space again'), all: true },
            { label: vscode.l10n.t('Some paths…'), description: vscode.l10n.t('files or folders, like css/* or img/logo.png'), all: false },
          ],
          { title },
        )
      ).all;
      const files = everything
        ? ['*']
        : purgePaths(
            await input.inputBox({
              title,
              prompt: vscode.l10n.t('Paths in the Space, separated by commas or spaces; * for everything in a folder'),
              validateInput: (v) => purgePaths(v).problem,
            }),
          ).paths;
      await withProgress(vscode.l10n.t('Purging the cache of {0}…', endpoint.endpoint), (signal) =>
        model.client(node.account).request<void>('DELETE', `${itemPath(cdnKind, endpoint.id)}/cache`, { body: { files }, signal }),
      );
      log.info(`[${node.account.label}] CDN ${endpoint.endpoint}: cache purged (${files.length === 1 ? files[0] : `${files.length} paths`})`);
      void input.notify(
        'info',
        everything
          ? vscode.l10n.t('The cache of {0} is purged: every file comes from the Space again.', endpoint.endpoint)
          : files.length <= 3
            ? vscode.l10n.t('Purged {0} from the cache of {1}.', files.join(', '), endpoint.endpoint)
            : vscode.l10n.t('Purged {0} paths from the cache of {1}.', files.length, endpoint.endpoint),
      );
      return files;
    }),

    registerCommand(deps, 'digitalocean.cdn.setTtl', vscode.l10n.t('Change CDN cache lifetime'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Change the cache lifetime of a CDN endpoint'));
      const endpoint = node.item as CdnEndpoint;
      const ttl = (
        await input.quickPick(
          CDN_TTLS.map((seconds) => ({
            label: ttlLabel(seconds),
            description: seconds === endpoint.ttl ? vscode.l10n.t('{0} s · current', seconds) : vscode.l10n.t('{0} s', seconds),
            picked: seconds === endpoint.ttl,
            seconds,
          })),
          { title: vscode.l10n.t('How long edge servers keep a file of {0}', endpoint.endpoint) },
        )
      ).seconds;
      if (ttl === endpoint.ttl) return undefined;
      await withProgress(vscode.l10n.t('Updating {0}…', endpoint.endpoint), (signal) =>
        model.client(node.account).update<CdnEndpoint>(cdnKind, endpoint.id, { ttl }, { signal }),
      );
      log.info(`[${node.account.label}] CDN ${endpoint.endpoint}: cache lifetime ${endpoint.ttl} s → ${ttl} s`);
      model.reloadKind(node.account, cdnKind.kind, false);
      return ttl;
    }),
  ];
}
