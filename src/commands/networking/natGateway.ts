/**
 * VPC NAT gateways: Create NAT Gateway (a wizard with Back — the VPC it serves, which fixes the
 * region; a name; a size; whether it becomes the VPC's default route out; the summary — VPCs served
 * by a gateway already are never offered), then the create, a wait until it is ACTIVE that Cancel
 * stops, and the new gateway selected; Edit NAT Gateway (name, size or a timeout: the API wants the
 * whole gateway back in a PUT, so the rest is sent as it is). Copy IP and Delete are the shared ones.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import {
  DEFAULT_NAT_TIMEOUT_SECONDS,
  NAT_GATEWAY_SIZES,
  type NatGateway,
  natGateway as natKind,
  natGatewayUpdate,
  natPublicIps,
  natTimeoutProblem,
  suggestedNatGatewayName,
} from '../../api/resources/natGateway';
import { type Vpc, vpc as vpcKind } from '../../api/resources/vpc';
import { natGatewayPresenter } from '../../tree/kinds/natGateway';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { withProgress } from '../../ui/progress';
import type { WizardStep } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { accountTarget, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { create, notify, reveal, runCreateWizard, waitUntilReady } from '../wizard/create';
import { nameStep, summaryStep } from '../wizard/prompts';

interface Plan {
  vpc?: Vpc;
  name: string;
  size: number;
  defaultGateway: boolean;
}

type Timeout = 'tcp_timeout_seconds' | 'udp_timeout_seconds' | 'icmp_timeout_seconds';

export function registerNatGatewayCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;

  return [
    registerCommand(deps, 'digitalocean.natGateway.create', vscode.l10n.t('Create NAT gateway'), async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, vscode.l10n.t('Create a NAT gateway in which account?'));
      const cache = model.cacheFor(account);
      const [vpcs, gateways] = await withProgress(vscode.l10n.t('Loading the VPCs…'), () => Promise.all([cache.list(vpcKind), cache.list(natKind)]));
      const servedBy = (v: Vpc) => gateways.find((g) => g.vpcs.some((x) => x.vpc_uuid === v.id));
      // run on a VPC: that one, preselected
      const from = arg instanceof ResourceNode && arg.presenter.kind.kind === vpcKind.kind ? (arg.item as Vpc) : undefined;
      if (from && servedBy(from)) throw new Error(vscode.l10n.t('{0} has a NAT gateway already: {1}.', from.name, servedBy(from)!.name));
      const free = vpcs.filter((v) => !servedBy(v));
      if (!free.length)
        throw new Error(
          vpcs.length
            ? vscode.l10n.t('Every VPC of the account has a NAT gateway already.')
            : vscode.l10n.t('A NAT gateway serves a VPC, and the account has none. Create a VPC first.'),
        );
      const title = vscode.l10n.t('Create NAT gateway');
      const taken = gateways.map((g) => g.name);
      const vpcStep: WizardStep<Plan> = async (p, s) => {
        const current = p.vpc?.id ?? from?.id;
        p.vpc = (
          await input.quickPick(
            free.map((v) => ({ label: v.name, description: `${v.region} · ${v.ip_range}`, picked: v.id === current, vpc: v })),
            { title, ...s, placeHolder: vscode.l10n.t('The VPC whose resources reach the internet through it') },
          )
        ).vpc;
      };
      const sizeStep: WizardStep<Plan> = async (p, s) => {
        p.size = (
          await input.quickPick(
            NAT_GATEWAY_SIZES.map((n) => ({ label: vscode.l10n.t('{0} vCPU', n), picked: n === p.size, size: n })),
            { title, ...s, placeHolder: vscode.l10n.t('Size: more vCPUs carry more connections') },
          )
        ).size;
      };
      const routeStep: WizardStep<Plan> = async (p, s) => {
        p.defaultGateway = (
          await input.quickPick(
            [
              {
                label: vscode.l10n.t('Default route out'),
                description: vscode.l10n.t('all outbound traffic of the VPC goes through it'),
                picked: p.defaultGateway,
                value: true,
              },
              {
                label: vscode.l10n.t('Only where routed'),
                description: vscode.l10n.t('resources opt in by their own routes'),
                picked: !p.defaultGateway,
                value: false,
              },
            ],
            { title, ...s, placeHolder: vscode.l10n.t('How traffic reaches it') },
          )
        ).value;
      };
      return runCreateWizard<Plan, NatGateway>(deps, {
        title,
        account,
        kind: natKind,
        plan: { vpc: from, name: '', size: NAT_GATEWAY_SIZES[0], defaultGateway: true },
        prompts: [
          vpcStep,
          nameStep<Plan>(input, title, {
            kind: natKind,
            taken,
            prompt: vscode.l10n.t('Name: letters, digits, "-" and "."'),
            suggest: (p) => suggestedNatGatewayName(p.vpc!.name, taken),
          }),
          sizeStep,
          routeStep,
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: [
              `${p.vpc!.name} (${p.vpc!.region})`,
              vscode.l10n.t('{0} vCPU', p.size),
              p.defaultGateway ? vscode.l10n.t('default route out') : vscode.l10n.t('only where routed'),
            ].join(' · '),
            detail: vscode.l10n.t(
              "Resources in the VPC reach the internet from the gateway's public address, and nothing reaches them through it. DigitalOcean bills it while it exists: see its pricing page.",
            ),
          })),
        ],
        execute: [
          create({
            detail: (p) => `${p.vpc!.name}, ${p.size} vCPU`,
            send: ({ plan }, signal) =>
              cache.client.create<NatGateway>(
                natKind,
                {
                  name: plan.name,
                  type: 'PUBLIC',
                  region: plan.vpc!.region,
                  size: plan.size,
                  vpcs: [{ vpc_uuid: plan.vpc!.id, default_gateway: plan.defaultGateway }],
                },
                { signal },
              ),
          }),
          reveal('created'),
          waitUntilReady({
            progress: (c) => vscode.l10n.t('Creating NAT gateway {0}: waiting until it is active…', c.name),
            state: (g) =>
              g.state === 'ACTIVE'
                ? 'ready'
                : g.state === 'ERROR' || g.state === 'INVALID'
                  ? { failed: vscode.l10n.t('its state is {0}', g.state.toLowerCase()) }
                  : 'pending',
          }),
          reveal(),
          notify(({ ready, plan }) => ({
            message: natPublicIps(ready!).length
              ? vscode.l10n.t('NAT gateway {0} is active: {1} reaches the internet from {2}.', ready!.name, plan.vpc!.name, natPublicIps(ready!).join(', '))
              : vscode.l10n.t('NAT gateway {0} is active.', ready!.name),
          })),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.natGateway.edit', vscode.l10n.t('Edit NAT gateway'), async (arg) => {
      const node = await resourceTarget(deps, arg, natGatewayPresenter, vscode.l10n.t('Edit a NAT gateway'));
      const gateway = node.item as NatGateway;
      const title = vscode.l10n.t('Edit {0}', gateway.name);
      const timeout = (key: Timeout, label: string) => ({
        label,
        description: vscode.l10n.t('{0} s', gateway[key] ?? DEFAULT_NAT_TIMEOUT_SECONDS),
        what: key,
      });
      const what = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('Name'), description: gateway.name, what: 'name' as const },
            { label: vscode.l10n.t('Size'), description: vscode.l10n.t('{0} vCPU', gateway.size), what: 'size' as const },
            timeout('tcp_timeout_seconds', vscode.l10n.t('TCP timeout')),
            timeout('udp_timeout_seconds', vscode.l10n.t('UDP timeout')),
            timeout('icmp_timeout_seconds', vscode.l10n.t('ICMP timeout')),
          ],
          { title, placeHolder: vscode.l10n.t('What to change') },
        )
      ).what;
      let change: Parameters<typeof natGatewayUpdate>[1];
      if (what === 'name') {
        const others = (await model.cacheFor(node.account).list(natKind)).filter((g) => g.id !== gateway.id).map((g) => g.name);
        const name = (
          await input.inputBox({
            title,
            prompt: vscode.l10n.t('Name: letters, digits, "-" and "."'),
            value: gateway.name,
            validateInput: (v) => natKind.nameProblem?.(v, others) ?? (v.trim() === gateway.name ? vscode.l10n.t('That is its name already.') : undefined),
          })
        ).trim();
        change = { name };
      } else if (what === 'size') {
        const size = (
          await input.quickPick(
            NAT_GATEWAY_SIZES.map((n) => ({
              label: vscode.l10n.t('{0} vCPU', n),
              description: n === gateway.size ? vscode.l10n.t('current') : undefined,
              picked: n === gateway.size,
              size: n,
            })),
            { title, placeHolder: vscode.l10n.t('Size') },
          )
        ).size;
        if (size === gateway.size) return undefined;
        change = { size };
      } else {
        const value = (
          await input.inputBox({
            title,
            prompt: vscode.l10n.t('Seconds a connection may stay idle before its translation is dropped'),
            value: String(gateway[what] ?? DEFAULT_NAT_TIMEOUT_SECONDS),
            validateInput: (v) => natTimeoutProblem(v),
          })
        ).trim();
        change = { [what]: Number(value) };
      }
      const updated = await withProgress(vscode.l10n.t('Updating {0}…', gateway.name), (signal) =>
        model.client(node.account).update<NatGateway>(natKind, gateway.id, natGatewayUpdate(gateway, change), { signal }),
      );
      log.info(`[${node.account.label}] NAT gateway ${gateway.name} updated: ${Object.keys(change).join(', ')}`);
      model.reloadKind(node.account, natKind.kind, false);
      return updated;
    }),
  ];
}
