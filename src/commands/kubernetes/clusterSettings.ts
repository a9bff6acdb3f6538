/**
 * Edit Cluster Settings: automatic upgrades, surge upgrades, the maintenance window, the highly
 * available control plane (it can be turned on, never off) and tags. The cluster is read fresh,
 * the change is shown as "before → after" and confirmed, and the settings are sent whole (the
 * API's PUT replaces them: what is not sent goes back to its default).
 */
import * as vscode from 'vscode';
import { type KubernetesCluster, MAINTENANCE_DAYS, kubernetesCluster, maintenanceTimeProblem } from '../../api/resources/kubernetes';
import { kubernetesClusterPresenter } from '../../tree/kinds/kubernetes';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { tagsProblem } from '../validators';

/** The settings a cluster's PUT carries, as the cluster has them now. */
export function clusterSettings(c: KubernetesCluster): {
  name: string;
  tags: string[];
  auto_upgrade: boolean;
  surge_upgrade: boolean;
  ha: boolean;
  maintenance_policy: { start_time: string; day: string };
} {
  return {
    name: c.name,
    // DigitalOcean's own tags (k8s, k8s:<id>) are not the user's to send
    tags: (c.tags ?? []).filter((t) => t !== 'k8s' && !t.startsWith('k8s:')),
    auto_upgrade: c.auto_upgrade ?? false,
    surge_upgrade: c.surge_upgrade ?? false,
    ha: c.ha ?? false,
    maintenance_policy: { start_time: c.maintenance_policy?.start_time ?? '00:00', day: c.maintenance_policy?.day ?? 'any' },
  };
}

export function registerClusterSettingsCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const onOff = (b: boolean) => (b ? vscode.l10n.t('on') : vscode.l10n.t('off'));
  const windowText = (m: { start_time: string; day: string }) => `${m.day} ${m.start_time} UTC`;
  return [
    registerCommand(deps, 'digitalocean.kubernetes.editSettings', vscode.l10n.t('Edit cluster settings'), async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, vscode.l10n.t('Edit the settings of which cluster?'));
      const client = model.client(node.account);
      const cluster = await withProgress(vscode.l10n.t('Reading {0}…', node.name), (signal) =>
        client.get<KubernetesCluster>(kubernetesCluster, node.resourceId, { signal }),
      );
      const before = clusterSettings(cluster);
      const after = structuredClone(before);
      const title = vscode.l10n.t('Settings of {0}', cluster.name);
      const what = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('Automatic upgrades'), description: onOff(before.auto_upgrade), what: 'auto' as const },
            { label: vscode.l10n.t('Surge upgrades'), description: onOff(before.surge_upgrade), what: 'surge' as const },
            { label: vscode.l10n.t('Maintenance window'), description: windowText(before.maintenance_policy), what: 'window' as const },
            ...(before.ha ? [] : [{ label: vscode.l10n.t('High-availability control plane'), description: onOff(false), what: 'ha' as const }]),
            { label: vscode.l10n.t('Tags'), description: before.tags.join(', ') || vscode.l10n.t('none'), what: 'tags' as const },
          ],
          { title, placeHolder: vscode.l10n.t('What to change') },
        )
      ).what;
      let change: string;
      if (what === 'auto' || what === 'surge') {
        const key = what === 'auto' ? 'auto_upgrade' : 'surge_upgrade';
        const picked = await input.quickPick(
          [
            {
              label: vscode.l10n.t('On'),
              description:
                what === 'auto'
                  ? vscode.l10n.t('patch versions are installed in the maintenance window')
                  : vscode.l10n.t('new nodes come up before old ones go (extra nodes billed during an upgrade)'),
              on: true,
            },
            { label: vscode.l10n.t('Off'), on: false },
          ].map((o) => ({ ...o, picked: o.on === before[key] })),
          { title, placeHolder: what === 'auto' ? vscode.l10n.t('Automatic upgrades') : vscode.l10n.t('Surge upgrades') },
        );
        after[key] = picked.on;
        change = `${what === 'auto' ? vscode.l10n.t('Automatic upgrades') : vscode.l10n.t('Surge upgrades')}: ${onOff(before[key])} → ${onOff(after[key])}`;
      } else if (what === 'window') {
        const day = await input.quickPick(
          MAINTENANCE_DAYS.map((d) => ({ label: d, picked: d === before.maintenance_policy.day })),
          { title, placeHolder: vscode.l10n.t('Maintenance day') },
        );
        const start = await input.inputBox({
          title,
          prompt: vscode.l10n.t('Start of the window (UTC, HH:MM); it lasts about 4 hours'),
          value: before.maintenance_policy.start_time,
          validateInput: maintenanceTimeProblem,
        });
        const [h, m] = start.trim().split(':');
        after.maintenance_policy = { day: day.label, start_time: `${h.padStart(2, '0')}:${m}` };
        change = `${vscode.l10n.t('Maintenance window')}: ${windowText(before.maintenance_policy)} → ${windowText(after.maintenance_policy)}`;
      } else if (what === 'ha') {
        after.ha = true;
        change = vscode.l10n.t('High-availability control plane: off → on (billed from now on; it cannot be turned off again)');
      } else {
        const text = await input.inputBox({
          title,
          prompt: vscode.l10n.t('Tags, separated by commas (k8s and k8s:<id> are kept by DigitalOcean)'),
          value: before.tags.join(', '),
          validateInput: tagsProblem,
        });
        after.tags = [
          ...new Set(
            text
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          ),
        ];
        change = `${vscode.l10n.t('Tags')}: ${before.tags.join(', ') || '—'} → ${after.tags.join(', ') || '—'}`;
      }
      if (JSON.stringify(after) === JSON.stringify(before)) {
        void input.notify('info', vscode.l10n.t('Nothing changed on {0}.', cluster.name));
        return;
      }
      await input.confirm(vscode.l10n.t('Change {0}?', cluster.name), change, vscode.l10n.t('Change'));
      await withProgress(vscode.l10n.t('Changing {0}…', cluster.name), (signal) => client.update(kubernetesCluster, cluster.id, after, { signal }));
      await model.reloadResource(node.ref).catch(() => undefined);
      log.info(`[${node.account.label}] ${cluster.name}: ${change}`);
      void input.notify('info', vscode.l10n.t('{0}: {1}.', cluster.name, change));
    }),
  ];
}
