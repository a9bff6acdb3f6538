/** The account's Spaces key: created with the API (its secret straight to secret storage), or pasted. */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { accessKeyProblem, secretKeyProblem } from '../../accounts/spacesKeys';
import { type SpacesKey, type SpacesKeyGrant, type SpacesPermission, spacesKey } from '../../api/resources/spacesKey';
import { bucketNameProblem } from '../../api/spaces/spaces';
import { KindGroupNode } from '../../tree/nodes/kindGroupNode';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { registerCommand } from '../register';
import { secretHome, spacesAccount } from './targets';

export function registerSpacesKeyCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  async function createKey(account: AccountInfo): Promise<void> {
    const existing = await model.cacheFor(account).list(spacesKey);
    const name = (
      await input.inputBox({
        title: vscode.l10n.t('New Spaces key for {0}: name', account.label),
        value: `vscode-${deps.machine.name}`.slice(0, 60),
        validateInput: (v) =>
          spacesKey.nameProblem?.(
            v,
            existing.map((k) => k.name),
          ),
      })
    ).trim();
    const scope = await input.quickPick(
      [
        {
          label: vscode.l10n.t('Full access to every bucket'),
          description: vscode.l10n.t('create and delete buckets too'),
          permission: 'fullaccess' as SpacesPermission | undefined,
        },
        { label: vscode.l10n.t('Read and write chosen buckets'), permission: 'readwrite' as SpacesPermission },
        { label: vscode.l10n.t('Read-only access to chosen buckets'), permission: 'read' as SpacesPermission },
      ],
      { title: vscode.l10n.t('New Spaces key {0}: access', name) },
    );
    let grants: SpacesKeyGrant[];
    if (scope.permission === 'fullaccess') grants = [{ bucket: '', permission: 'fullaccess' }];
    else {
      const names = await input.inputBox({
        title: vscode.l10n.t('New Spaces key {0}: buckets', name),
        prompt: vscode.l10n.t('Bucket names, separated by commas'),
        validateInput: (v) => {
          const list = v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          if (!list.length) return vscode.l10n.t('At least one bucket.');
          for (const b of list) {
            const problem = bucketNameProblem(b);
            if (problem) return `${b}: ${problem}`;
          }
          return undefined;
        },
      });
      grants = [
        ...new Set(
          names
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ].map((bucket) => ({ bucket, permission: scope.permission! }));
    }
    const created = await withProgress(vscode.l10n.t('Creating Spaces key {0}…', name), (signal) =>
      model.client(account).create<SpacesKey & { secret_key?: string }>(spacesKey, { name, grants }, { signal }),
    );
    if (!created.secret_key)
      throw new Error(vscode.l10n.t('DigitalOcean created {0} but sent no secret for it: delete it and create another.', created.access_key));
    // Stored at once: the API shows a secret only in this answer.
    await deps.spacesKeys.set(account.id, { accessKey: created.access_key, secretKey: created.secret_key });
    log.info(`[${account.label}] Spaces key ${created.name} (${created.access_key}) created; its secret is in the editor's secret storage`);
    model.reloadKind(account, spacesKey.kind, false);
    void input.notify(
      'info',
      vscode.l10n.t(
        'Created Spaces key {0} ({1}); {2} now uses it for Spaces. Its secret is kept in {3} and never shown.',
        created.name,
        created.access_key,
        account.label,
        secretHome(deps),
      ),
    );
  }

  async function pasteKey(account: AccountInfo): Promise<void> {
    const accessKey = (
      await input.inputBox({ title: vscode.l10n.t('Spaces key for {0}: access key', account.label), placeHolder: 'DO00…', validateInput: accessKeyProblem })
    ).trim();
    const secretKey = (
      await input.inputBox({ title: vscode.l10n.t('Spaces key {0}: secret key', accessKey), password: true, validateInput: secretKeyProblem })
    ).trim();
    await deps.spacesKeys.set(account.id, { accessKey, secretKey });
    log.info(`[${account.label}] Spaces key ${accessKey} set (pasted)`);
    void input.notify('info', vscode.l10n.t('{0} now uses Spaces key {1}.', account.label, accessKey));
  }

  return [
    registerCommand(deps, 'digitalocean.spaces.setKey', vscode.l10n.t('Set Spaces key'), async (arg) => {
      const account =
        arg instanceof KindGroupNode || arg instanceof ResourceNode ? arg.account : await spacesAccount(deps, arg, vscode.l10n.t('Set Spaces key'));
      const current = await deps.spacesKeys.get(account.id);
      const choice = await input.quickPick(
        [
          {
            label: vscode.l10n.t('Create a new key…'),
            description: vscode.l10n.t('with the API; its secret goes straight to {0}', secretHome(deps)),
            action: 'create',
          },
          { label: vscode.l10n.t('Enter an existing key…'), description: vscode.l10n.t('access key and secret'), action: 'paste' },
          ...(current
            ? [{ label: vscode.l10n.t('Forget {0}', current.accessKey), description: vscode.l10n.t('the key stays in DigitalOcean'), action: 'forget' }]
            : []),
        ],
        { title: vscode.l10n.t('Spaces key for {0}{1}', account.label, current ? ` (now ${current.accessKey})` : '') },
      );
      if (choice.action === 'create') await createKey(account);
      else if (choice.action === 'paste') await pasteKey(account);
      else {
        await deps.spacesKeys.forget(account.id);
        log.info(`[${account.label}] Spaces key forgotten`);
      }
    }),
  ];
}
