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
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { descriptionStep, nameStep, regionStep, summaryStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard } from '../wizard/create';
import { region as regionKind } from '../../api/resources/region';
import { registerCommand } from '../register';

interface Plan {
  name: string;
  region: string;
  /** undefined: DigitalOcean picks a free /20. */
  ipRange?: string;
  description: string;
}

export function registerVpcCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.vpc.create', vscode.l10n.t('Create VPC'), async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, vscode.l10n.t('Create a VPC in which account?'));
      const cache = model.cacheFor(account);
      const [existing, regions] = await withProgress(vscode.l10n.t('Loading the VPCs…'), () => Promise.all([cache.list(vpcKind), cache.list(regionKind)]));
      const title = vscode.l10n.t('Create VPC');
      return runCreateWizard<Plan, Vpc>(deps, {
        title,
        account,
        kind: vpcKind,
        plan: { name: '', region: 'nyc3', description: '' },
        prompts: [
          nameStep<Plan>(input, title, { kind: vpcKind, taken: existing.map((x) => x.name), prompt: vscode.l10n.t('Name: letters, digits, "-" and "."') }),
          regionStep<Plan>(input, title, () => regions.filter((r) => r.available !== false)),
          async (p, s) => {
            const choice = await input.quickPick(
              [
                {
                  label: vscode.l10n.t('Let DigitalOcean choose'),
                  description: vscode.l10n.t('a free /20 (4,096 addresses)'),
                  custom: false,
                  picked: p.ipRange === undefined,
                },
                {
                  label: vscode.l10n.t('Enter a range…'),
                  description: p.ipRange ?? vscode.l10n.t('private, from /16 to /28'),
                  custom: true,
                  picked: p.ipRange !== undefined,
                },
              ],
              {
                title,
                ...s,
                placeHolder: vscode.l10n.t("IP range (the account's VPCs use {0})", existing.map((x) => x.ip_range).join(', ') || vscode.l10n.t('none yet')),
              },
            );
            p.ipRange = choice.custom
              ? (
                  await input.inputBox({
                    title,
                    ...s,
                    prompt: vscode.l10n.t('IP range in CIDR notation, e.g. 10.20.0.0/24'),
                    value: p.ipRange ?? '',
                    validateInput: (v) => vpcRangeProblem(v, existing),
                  })
                ).trim()
              : undefined;
          },
          descriptionStep(input, title),
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: `${p.region} · ${p.ipRange ?? vscode.l10n.t('a /20 chosen by DigitalOcean')} · free`,
          })),
        ],
        execute: [
          create({
            detail: (p) => `${p.region}, ${p.ipRange ?? 'range chosen by DigitalOcean'}`,
            send: ({ plan }, signal) =>
              cache.client.create<Vpc>(
                vpcKind,
                {
                  name: plan.name,
                  region: plan.region,
                  ...(plan.ipRange ? { ip_range: plan.ipRange } : {}),
                  ...(plan.description ? { description: plan.description } : {}),
                },
                { signal },
              ),
          }),
          reveal(),
          notify(({ created }) => ({
            message: vscode.l10n.t(
              'Created VPC {0} ({1}) in {2}. New droplets, clusters and databases in {3} can use it.',
              created!.name,
              created!.ip_range,
              created!.region,
              created!.region,
            ),
            actions: [{ label: vscode.l10n.t('Create Droplet in It'), run: () => vscode.commands.executeCommand('digitalocean.droplet.create', account) }],
          })),
        ],
      });
    }),
  ];
}
