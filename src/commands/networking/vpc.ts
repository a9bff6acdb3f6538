/**
 * Create VPC: a wizard with Back — name, region, IP range (DigitalOcean's choice, or one typed and
 * checked: CIDR, private, /16 to /28, no overlap with the account's other VPCs, all before any
 * request), description — then a summary, the create, and the new VPC selected in the tree.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { vpcRangeProblem } from '../../api/cidr';
import { type Vpc, vpc as vpcKind } from '../../api/resources/vpc';
import { withProgress } from '../../ui/progress';
import { runWizard } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget, pickRegion, revealResource } from '../pick';
import { registerCommand } from '../register';

interface Plan {
  name: string;
  region: string;
  /** undefined: DigitalOcean picks a free /20. */
  ipRange?: string;
  description: string;
}

export function registerVpcCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.vpc.create', vscode.l10n.t('Create VPC'), async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, vscode.l10n.t('Create a VPC in which account?'));
      const existing = await withProgress(vscode.l10n.t('Loading the VPCs…'), () => model.cacheFor(account).list(vpcKind));
      const title = vscode.l10n.t('Create VPC');
      const plan = await runWizard<Plan>({ name: '', region: 'nyc3', description: '' }, [
        async (p, s) => {
          p.name = (await input.inputBox({ title, ...s, prompt: vscode.l10n.t('Name: letters, digits, "-" and "."'), value: p.name, validateInput: (v) => vpcKind.nameProblem?.(v, existing.map((x) => x.name)) })).trim();
        },
        async (p, s) => {
          p.region = await pickRegion(deps, account, { title, ...s, current: p.region });
        },
        async (p, s) => {
          const choice = await input.quickPick(
            [
              { label: vscode.l10n.t('Let DigitalOcean choose'), description: vscode.l10n.t('a free /20 (4,096 addresses)'), custom: false, picked: p.ipRange === undefined },
              { label: vscode.l10n.t('Enter a range…'), description: p.ipRange ?? vscode.l10n.t('private, from /16 to /28'), custom: true, picked: p.ipRange !== undefined },
            ],
            { title, ...s, placeHolder: vscode.l10n.t('IP range (the account\'s VPCs use {0})', existing.map((x) => x.ip_range).join(', ') || vscode.l10n.t('none yet')) },
          );
          p.ipRange = choice.custom
            ? (await input.inputBox({ title, ...s, prompt: vscode.l10n.t('IP range in CIDR notation, e.g. 10.20.0.0/24'), value: p.ipRange ?? '', validateInput: (v) => vpcRangeProblem(v, existing) })).trim()
            : undefined;
        },
        async (p, s) => {
          p.description = (await input.inputBox({ title, ...s, prompt: vscode.l10n.t('Description (optional)'), value: p.description, validateInput: (v) => (v.length > 255 ? vscode.l10n.t('At most 255 characters.') : undefined) })).trim();
        },
        async (p, s) => {
          await input.quickPick([{ label: vscode.l10n.t('Create {0}', p.name), description: `${p.region} · ${p.ipRange ?? vscode.l10n.t('a /20 chosen by DigitalOcean')} · free` }], { title, ...s, placeHolder: vscode.l10n.t('Create it? (Back to change something, Esc to cancel)') });
        },
      ]);
      const created = await withProgress(vscode.l10n.t('Creating VPC {0}…', plan.name), (signal) =>
        model.client(account).create<Vpc>(vpcKind, { name: plan.name, region: plan.region, ...(plan.ipRange ? { ip_range: plan.ipRange } : {}), ...(plan.description ? { description: plan.description } : {}) }, { signal }),
      );
      log.info(`[${account.label}] VPC ${created.name} (${created.ip_range}) created in ${created.region}`);
      model.reloadKind(account, vpcKind.kind, false);
      await revealResource(deps, account, vpcKind, created.id);
      const next = await input.notify('info', vscode.l10n.t('Created VPC {0} ({1}) in {2}. New droplets, clusters and databases in {3} can use it.', created.name, created.ip_range, created.region, created.region), vscode.l10n.t('Create Droplet in It'));
      if (next) await vscode.commands.executeCommand('digitalocean.droplet.create', account);
      return created;
    }),
  ];
}
