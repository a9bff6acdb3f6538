/**
 * A droplet's backups and kernel: Enable Backups asks for the plan the API offers (daily or
 * weekly, the day, the window's hour, with how long backups are kept), for one droplet or a
 * selection; Change Kernel offers the kernels the droplet may boot. Two account-wide overviews:
 * every droplet's backup policy, and the droplets that share a physical host (a risk for
 * droplets meant to stand in for each other).
 */
import * as vscode from 'vscode';
import {
  BACKUP_WEEKDAYS,
  type BackupPolicy,
  type SupportedBackupPolicy,
  allBackupPolicies,
  dropletKernels,
  neighbourGroups,
  supportedBackupPolicies,
} from '../../api/dropletDetails';
import { type Droplet, droplet as dropletKind } from '../../api/resources/droplet';
import type { AccountInfo } from '../../accounts/accountStore';
import { dropletPresenter } from '../../tree/kinds/droplet';
import type { ResourceNode } from '../../tree/nodes/resourceNode';
import { withProgress } from '../../ui/progress';
import { runAction } from '../actionRunner';
import { bulkNodes, runBulk, selectionOf } from '../bulk';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget, revealResource } from '../pick';
import { registerCommand } from '../register';

const pad = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00`;
const idle = (item: unknown) => !(item as Droplet).locked && (item as Droplet).status !== 'new';
const withoutBackups = (item: unknown) => idle(item) && !(item as Droplet).features.includes('backups');

/** "daily, 20:00–00:00 UTC, kept 7 days" */
export function describePolicy(policy: BackupPolicy | undefined): string {
  if (!policy) return vscode.l10n.t('no backups');
  const hours = policy.window_length_hours ?? 4;
  const window = `${pad(policy.hour)}–${pad(policy.hour + hours)} UTC`;
  const kept = policy.retention_period_days ? vscode.l10n.t(', kept {0} days', policy.retention_period_days) : '';
  return policy.plan === 'weekly' ? vscode.l10n.t('weekly on {0}, {1}{2}', policy.weekday ?? '—', window, kept) : vscode.l10n.t('daily, {0}{1}', window, kept);
}

export function registerDropletBackupCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;

  /** The plan, then (weekly) the day, then the window's start: only what the API offers. */
  async function askPolicy(account: AccountInfo, what: string): Promise<BackupPolicy> {
    const plans = await withProgress(vscode.l10n.t('Reading the backup plans…'), (signal) => supportedBackupPolicies(model.client(account), signal));
    if (!plans.length) throw new Error(vscode.l10n.t('DigitalOcean offers no backup plan to choose.'));
    const plan = await input.quickPick(
      plans.map((p: SupportedBackupPolicy) => ({
        label: p.name === 'weekly' ? vscode.l10n.t('Weekly') : p.name === 'daily' ? vscode.l10n.t('Daily') : p.name,
        description: vscode.l10n.t('each backup kept {0} days · {1}-hour window', p.retention_period_days, p.window_length_hours),
        plan: p,
      })),
      { title: vscode.l10n.t('Enable backups of {0}', what), placeHolder: vscode.l10n.t('How often a backup is taken') },
    );
    let weekday: BackupPolicy['weekday'];
    if (plan.plan.name === 'weekly') {
      const days = plan.plan.possible_days.filter((d): d is (typeof BACKUP_WEEKDAYS)[number] => (BACKUP_WEEKDAYS as readonly string[]).includes(d));
      weekday = (
        await input.quickPick(
          days.map((d) => ({ label: d, day: d })),
          { title: vscode.l10n.t('Enable weekly backups of {0}', what), placeHolder: vscode.l10n.t('The day of the week (UTC)') },
        )
      ).day;
    }
    const hour = await input.quickPick(
      plan.plan.possible_window_starts.map((h) => ({ label: `${pad(h)}–${pad(h + plan.plan.window_length_hours)} UTC`, hour: h })),
      { title: vscode.l10n.t('Enable backups of {0}', what), placeHolder: vscode.l10n.t('The window in which the backup starts') },
    );
    return { plan: plan.plan.name === 'weekly' ? 'weekly' : 'daily', ...(weekday ? { weekday } : {}), hour: hour.hour };
  }

  return [
    registerCommand(deps, 'digitalocean.droplet.enableBackups', vscode.l10n.t('Enable backups'), async (arg, selected) => {
      const many = selectionOf(arg, selected);
      if (many.length > 1) {
        const { nodes, skipped } = bulkNodes(many, dropletKind.kind, withoutBackups);
        if (!nodes.length) throw new Error(vscode.l10n.t('None of the selected droplets can be given "{0}" now.', vscode.l10n.t('Enable backups')));
        const policy = await askPolicy(nodes[0].account, vscode.l10n.t('{0} droplets', nodes.length));
        return runBulk(
          deps,
          nodes,
          {
            title: vscode.l10n.t('Enable backups'),
            transition: vscode.l10n.t('Enabling backups…'),
            start: (client, node, signal) => client.act(dropletKind, node.resourceId, 'enable_backups', { backup_policy: policy }, { signal }),
          },
          [describePolicy(policy), skipped.length ? vscode.l10n.t('Left out, not in a state for it: {0}.', skipped.join(', ')) : '']
            .filter(Boolean)
            .join('\n\n'),
        );
      }
      const node: ResourceNode = await resourceTarget(deps, arg, dropletPresenter, vscode.l10n.t('Enable backups'), withoutBackups);
      const d = node.item as Droplet;
      const policy = await askPolicy(node.account, d.name);
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Enable backups of {0} ({1})', d.name, describePolicy(policy)),
        transition: vscode.l10n.t('Enabling backups…'),
        start: (client, signal) => client.act(dropletKind, node.resourceId, 'enable_backups', { backup_policy: policy }, { signal }),
      });
    }),

    registerCommand(deps, 'digitalocean.droplet.changeKernel', vscode.l10n.t('Change kernel'), async (arg) => {
      const node = await resourceTarget(deps, arg, dropletPresenter, vscode.l10n.t('Change the kernel of a droplet'), idle);
      const d = node.item as Droplet & { kernel?: { id: number; name: string } | null };
      const kernels = await withProgress(vscode.l10n.t('Reading the kernels {0} may boot…', d.name), (signal) =>
        dropletKernels(model.client(node.account), String(d.id), signal),
      );
      if (!kernels.length || !d.kernel) {
        throw new Error(
          vscode.l10n.t(
            '{0} boots the kernel its own image manages (every droplet made since March 2017 does): there is no kernel to choose here. Upgrade it with the package manager inside the droplet.',
            d.name,
          ),
        );
      }
      const current = d.kernel.id;
      const picked = await input.quickPick(
        kernels.map((k) => ({
          label: k.id === current ? `$(check) ${k.name}` : k.name,
          description: k.id === current ? vscode.l10n.t('{0} · current', k.version) : k.version,
          kernel: k,
        })),
        { title: vscode.l10n.t('Change the kernel of {0}', d.name), placeHolder: vscode.l10n.t('It boots the chosen kernel at its next power cycle') },
      );
      if (picked.kernel.id === current) throw new Error(vscode.l10n.t('{0} boots {1} already.', d.name, picked.kernel.name));
      await input.confirm(
        vscode.l10n.t('Change the kernel of {0} to {1}?', d.name, picked.kernel.name),
        vscode.l10n.t('The droplet is powered off for the change; power it on again afterwards to boot the new kernel.'),
        vscode.l10n.t('Change Kernel'),
      );
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Change the kernel of {0}', d.name),
        transition: vscode.l10n.t('Changing the kernel…'),
        start: (client, signal) => client.act(dropletKind, node.resourceId, 'change_kernel', { kernel: picked.kernel.id }, { signal }),
      });
    }),

    registerCommand(deps, 'digitalocean.droplet.backupOverview', vscode.l10n.t('Show backup policies'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t("Show which account's backup policies?"));
      const [droplets, policies] = await withProgress(vscode.l10n.t('Reading the backup policies…'), (signal) =>
        Promise.all([model.cacheFor(account).list(dropletKind), allBackupPolicies(model.client(account), signal)]),
      );
      if (!droplets.length) throw new Error(vscode.l10n.t('{0} has no droplets.', account.label));
      const covered = droplets.filter((d) => policies.get(d.id)?.backup_enabled);
      const picked = await input.quickPick(
        droplets.map((d) => {
          const p = policies.get(d.id);
          return {
            label: p?.backup_enabled ? `$(pass) ${d.name}` : `$(circle-slash) ${d.name}`,
            description: p?.backup_enabled ? describePolicy(p.backup_policy) : vscode.l10n.t('no backups'),
            detail: p?.next_backup_window?.start
              ? vscode.l10n.t('next backup window starts {0}', p.next_backup_window.start.replace('T', ' ').slice(0, 16))
              : undefined,
            droplet: d,
          };
        }),
        {
          title: vscode.l10n.t('Backups: {0} of {1} droplets in {2}', covered.length, droplets.length, account.label),
          placeHolder: vscode.l10n.t('Choose a droplet to show it in the view'),
        },
      );
      await revealResource(deps, account, dropletKind, String(picked.droplet.id));
    }),

    registerCommand(deps, 'digitalocean.droplet.sharedHosts', vscode.l10n.t('Show droplets sharing a host'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t("Check which account's droplets?"));
      const [droplets, groups] = await withProgress(vscode.l10n.t('Reading which droplets share a host…'), (signal) =>
        Promise.all([model.cacheFor(account).list(dropletKind), neighbourGroups(model.client(account), signal)]),
      );
      const byId = new Map(droplets.map((d) => [d.id, d]));
      const shared = groups.map((ids) => ids.map((id) => byId.get(id)).filter((d): d is Droplet => !!d)).filter((g) => g.length > 1);
      if (!shared.length) {
        void input.notify('info', vscode.l10n.t('No two droplets of {0} share a physical host.', account.label));
        return;
      }
      const picked = await input.quickPick(
        shared.flatMap((group, i) =>
          group.map((d) => {
            const common = (d.tags ?? []).filter((t) => group.some((o) => o !== d && (o.tags ?? []).includes(t)));
            return {
              label: d.name,
              description: vscode.l10n.t(
                'host {0}: with {1}',
                i + 1,
                group
                  .filter((o) => o !== d)
                  .map((o) => o.name)
                  .join(', '),
              ),
              // droplets that share a tag usually stand in for each other: on one host they fail together
              detail: common.length ? vscode.l10n.t('$(warning) shares the tags {0} with a droplet on the same host', common.join(', ')) : undefined,
              droplet: d,
            };
          }),
        ),
        {
          title:
            shared.length === 1
              ? vscode.l10n.t('One host carries more than one droplet of {0}', account.label)
              : vscode.l10n.t('{0} hosts carry more than one droplet of {1}', shared.length, account.label),
          placeHolder: vscode.l10n.t('Choose a droplet to show it in the view'),
        },
      );
      await revealResource(deps, account, dropletKind, String(picked.droplet.id));
    }),
  ];
}
