/**
 * VPC peerings: Create VPC Peering (a wizard with Back — the two VPCs, a name, the summary; the
 * pairs the API refuses are never offered: the same VPC, a pair peered already, regions joined
 * from BLR1), then the create, a wait until it is ACTIVE that Cancel stops, and the new peering
 * selected; Rename (PATCH, the name checked before the request). Delete is the shared one.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { type Vpc, vpc as vpcKind } from '../../api/resources/vpc';
import { suggestedPeeringName, type VpcPeering, vpcPairProblem, vpcPeering as peeringKind } from '../../api/resources/vpcPeering';
import { vpcPeeringPresenter } from '../../tree/kinds/vpcPeering';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { withProgress } from '../../ui/progress';
import type { WizardStep } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { create, notify, reveal, runCreateWizard, waitUntilReady } from '../wizard/create';
import { nameStep, summaryStep } from '../wizard/prompts';

interface Plan {
  first?: Vpc;
  second?: Vpc;
  name: string;
}

export function registerVpcPeeringCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;

  const vpcItem = (v: Vpc, picked: boolean) => ({ label: v.name, description: `${v.region} · ${v.ip_range}`, picked, vpc: v });

  return [
    registerCommand(deps, 'digitalocean.vpcPeering.create', vscode.l10n.t('Create VPC peering'), async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, vscode.l10n.t('Create a VPC peering in which account?'));
      const cache = model.cacheFor(account);
      const [vpcs, peerings] = await withProgress(vscode.l10n.t('Loading the VPCs…'), () => Promise.all([cache.list(vpcKind), cache.list(peeringKind)]));
      // run on a VPC: that one is the first end, preselected
      const from = arg instanceof ResourceNode && arg.presenter.kind.kind === vpcKind.kind ? (arg.item as Vpc) : undefined;
      const partners = (a: Vpc) => vpcs.filter((b) => !vpcPairProblem(a, b, peerings));
      const peerable = vpcs.filter((a) => partners(a).length > 0);
      if (!peerable.length)
        throw new Error(
          vpcs.length < 2
            ? vscode.l10n.t('A peering joins two VPCs, and the account has {0}. Create another VPC first.', vpcs.length)
            : vscode.l10n.t("Every pair of the account's VPCs is peered already."),
        );
      if (from && !partners(from).length) throw new Error(vscode.l10n.t('{0} is peered with every other VPC already.', from.name));
      const title = vscode.l10n.t('Create VPC peering');
      const firstStep: WizardStep<Plan> = async (p, s) => {
        const current = p.first?.id ?? from?.id;
        p.first = (
          await input.quickPick(
            peerable.map((v) => vpcItem(v, v.id === current)),
            { title, ...s, placeHolder: vscode.l10n.t('The first VPC') },
          )
        ).vpc;
      };
      const secondStep: WizardStep<Plan> = async (p, s) => {
        const first = p.first!;
        const offered = partners(first);
        const current = offered.some((v) => v.id === p.second?.id) ? p.second!.id : undefined;
        p.second = (
          await input.quickPick(
            offered.map((v) => vpcItem(v, v.id === current)),
            { title, ...s, placeHolder: vscode.l10n.t('The VPC to peer {0} with', first.name) },
          )
        ).vpc;
      };
      return runCreateWizard<Plan, VpcPeering>(deps, {
        title,
        account,
        kind: peeringKind,
        plan: { first: from, name: '' },
        prompts: [
          firstStep,
          secondStep,
          nameStep<Plan>(input, title, {
            kind: peeringKind,
            taken: peerings.map((x) => x.name),
            prompt: vscode.l10n.t('Name: letters, digits and "-"'),
            suggest: (p) => suggestedPeeringName(p.first!, p.second!),
          }),
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: `${p.first!.name} (${p.first!.region}) ↔ ${p.second!.name} (${p.second!.region})`,
            detail: vscode.l10n.t('Resources in either VPC reach the other by private address. Droplets made before the peering need their routes updated.'),
          })),
        ],
        execute: [
          create({
            detail: (p) => `${p.first!.name} ↔ ${p.second!.name}`,
            send: ({ plan }, signal) =>
              cache.client.create<VpcPeering>(peeringKind, { name: plan.name, vpc_ids: [plan.first!.id, plan.second!.id] }, { signal }),
          }),
          reveal('created'),
          waitUntilReady({
            progress: (c) => vscode.l10n.t('Creating VPC peering {0}: waiting until it is active…', c.name),
            state: (p) => (p.status === 'ACTIVE' ? 'ready' : 'pending'),
          }),
          reveal(),
          notify(({ ready, plan }) => ({
            message: vscode.l10n.t(
              'VPC peering {0} is active: {1} and {2} reach each other by private address.',
              ready!.name,
              plan.first!.name,
              plan.second!.name,
            ),
          })),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.vpcPeering.rename', vscode.l10n.t('Rename VPC peering'), async (arg) => {
      const node = await resourceTarget(deps, arg, vpcPeeringPresenter, vscode.l10n.t('Rename a VPC peering'));
      const peering = node.item as VpcPeering;
      const others = (await model.cacheFor(node.account).list(peeringKind)).filter((p) => p.id !== peering.id).map((p) => p.name);
      const name = (
        await input.inputBox({
          title: vscode.l10n.t('Rename {0}', peering.name),
          value: peering.name,
          validateInput: (v) => peeringKind.nameProblem?.(v, others) ?? (v.trim() === peering.name ? vscode.l10n.t('That is its name already.') : undefined),
        })
      ).trim();
      await withProgress(vscode.l10n.t('Renaming {0}…', peering.name), (signal) =>
        model.client(node.account).update<VpcPeering>(peeringKind, peering.id, { name }, { signal, method: 'PATCH' }),
      );
      log.info(`[${node.account.label}] VPC peering ${peering.name} renamed to ${name}`);
      model.reloadKind(node.account, peeringKind.kind, false);
      return name;
    }),
  ];
}
