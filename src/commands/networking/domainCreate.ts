/**
 * Add Domain: a wizard with Back — the domain name, an optional A record for it (a droplet's
 * public IPv4, a reserved IP, or an address typed), project, summary. The new domain is selected
 * in the view; the name servers to set at the registrar are said, with *Add Record…* offered.
 */
import * as vscode from 'vscode';
import { isIpv4 } from '../../api/cidr';
import { type Domain, domain as domainKind } from '../../api/resources/domain';
import { droplet as dropletKind, publicIpv4 } from '../../api/resources/droplet';
import { project as projectKind } from '../../api/resources/project';
import { reservedIp as reservedIpKind } from '../../api/resources/reservedIp';
import { domainPresenter } from '../../tree/kinds/domain';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { nameStep, projectStep, summaryStep } from '../wizard/prompts';
import { assignToProjectStep, create, notify, reveal, runCreateWizard } from '../wizard/create';

interface Plan {
  name: string;
  /** The A record's address; undefined: none. */
  ip?: string;
  /** What the address is ("droplet web-1"), for the summary. */
  ipOf?: string;
  project?: string;
}

export function registerDomainCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.domain.create', vscode.l10n.t('Add domain'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Add a domain to which account?'));
      const cache = model.cacheFor(account);
      const [domains, droplets, reserved, projects] = await withProgress(vscode.l10n.t('Loading domains, droplets and reserved IPs…'), () =>
        Promise.all([
          cache.list(domainKind),
          cache.list(dropletKind).catch(() => []),
          cache.list(reservedIpKind).catch(() => []),
          cache.list(projectKind).catch(() => []),
        ]),
      );
      const taken = domains.map((d) => d.name);
      const title = vscode.l10n.t('Add domain');
      return runCreateWizard<Plan, Domain>(deps, {
        title,
        account,
        kind: domainKind,
        plan: { name: '' },
        prompts: [
          async (p, s) => {
            await nameStep<Plan>(input, title, {
              kind: domainKind,
              taken,
              prompt: vscode.l10n.t('Domain name, e.g. example.com (you must own it; its registrar then points to DigitalOcean)'),
            })(p, s);
            p.name = p.name.toLowerCase();
          },
          async (p, s) => {
            const picked = await input.quickPick(
              [
                {
                  label: vscode.l10n.t('No A record now'),
                  description: vscode.l10n.t('add records later'),
                  ip: undefined as string | undefined,
                  of: undefined as string | undefined,
                  picked: p.ip === undefined,
                },
                ...droplets.flatMap((d) => {
                  const ip = publicIpv4(d);
                  return ip ? [{ label: `$(vm) ${d.name}`, description: `droplet · ${ip}`, ip, of: `droplet ${d.name}`, picked: p.ip === ip }] : [];
                }),
                ...reserved.map((r) => ({
                  label: `$(broadcast) ${r.ip}`,
                  description: vscode.l10n.t('reserved IP · {0} · {1}', r.droplet ? `on ${r.droplet.name}` : 'unassigned', r.region.slug),
                  ip: r.ip,
                  of: vscode.l10n.t('reserved IP {0}', r.ip),
                  picked: p.ip === r.ip,
                })),
                {
                  label: vscode.l10n.t('Another address…'),
                  description: p.ipOf === 'address' ? p.ip : vscode.l10n.t('an IPv4 address'),
                  ip: '',
                  of: 'address',
                  picked: p.ipOf === 'address',
                },
              ],
              { title, ...s, placeHolder: vscode.l10n.t('An A record for {0} itself, pointing to…', p.name) },
            );
            p.ipOf = picked.of;
            p.ip =
              picked.of === 'address'
                ? (
                    await input.inputBox({
                      title,
                      ...s,
                      prompt: vscode.l10n.t('IPv4 address for {0}', p.name),
                      value: p.ip ?? '',
                      validateInput: (v) => (isIpv4(v.trim()) ? undefined : vscode.l10n.t('An IPv4 address, like 203.0.113.10.')),
                    })
                  ).trim()
                : picked.ip;
          },
          projectStep<Plan>(input, title, projects),
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Add {0}', p.name),
            description: p.ip ? `A record @ → ${p.ip} (${p.ipOf === 'address' ? 'typed' : p.ipOf})` : vscode.l10n.t('no A record'),
            detail: vscode.l10n.t('DNS hosting is free'),
          })),
        ],
        execute: [
          create({
            progress: (p) => vscode.l10n.t('Adding {0}…', p.name),
            detail: (p) => (p.ip ? `A record to ${p.ip}` : 'no A record'),
            send: ({ plan }, signal) => cache.client.create<Domain>(domainKind, { name: plan.name, ...(plan.ip ? { ip_address: plan.ip } : {}) }, { signal }),
          }),
          assignToProjectStep(projects),
          reveal(),
          notify(({ created }) => ({
            message: vscode.l10n.t(
              'Added {0}. At its registrar, set the name servers to ns1.digitalocean.com, ns2.digitalocean.com and ns3.digitalocean.com.',
              created!.name,
            ),
            actions: [
              {
                label: vscode.l10n.t('Add Record…'),
                run: () => vscode.commands.executeCommand('digitalocean.domain.addRecord', deps.explorer.nodeFor(account, domainPresenter, created!, [])),
              },
            ],
          })),
        ],
      });
    }),
  ];
}
