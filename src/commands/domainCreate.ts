/**
 * Add Domain: a wizard with Back — the domain name, an optional A record for it (a droplet's
 * public IPv4, a reserved IP, or an address typed), project, summary. The new domain is selected
 * in the view; the name servers to set at the registrar are said, with *Add Record…* offered.
 */
import * as vscode from 'vscode';
import { isIpv4 } from '../api/cidr';
import { type Domain, domain as domainKind } from '../api/resources/domain';
import { droplet as dropletKind, publicIpv4 } from '../api/resources/droplet';
import { project as projectKind } from '../api/resources/project';
import { reservedIp as reservedIpKind } from '../api/resources/reservedIp';
import { domainPresenter } from '../tree/kinds/domain';
import { withProgress } from '../ui/progress';
import { runWizard } from '../ui/wizard';
import type { CommandDeps } from './deps';
import { accountTarget, revealResource } from './pick';
import { registerCommand } from './register';
import { placeInProject, projectStep, summaryStep } from './wizardSteps';

interface Plan {
  name: string;
  /** The A record's address; undefined: none. */
  ip?: string;
  /** What the address is ("droplet web-1"), for the summary. */
  ipOf?: string;
  project?: string;
}

export function registerDomainCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.domain.create', 'Add domain', async (arg) => {
      const account = await accountTarget(deps, arg, 'Add a domain to which account?');
      const cache = model.cacheFor(account);
      const [domains, droplets, reserved, projects] = await withProgress('Loading domains, droplets and reserved IPs…', () =>
        Promise.all([cache.list(domainKind), cache.list(dropletKind).catch(() => []), cache.list(reservedIpKind).catch(() => []), cache.list(projectKind).catch(() => [])]),
      );
      const taken = domains.map((d) => d.name);
      const title = 'Add domain';
      const plan = await runWizard<Plan>({ name: '' }, [
        async (p, s) => {
          p.name = (await input.inputBox({ title, ...s, prompt: 'Domain name, e.g. example.com (you must own it; its registrar then points to DigitalOcean)', value: p.name, validateInput: (v) => domainKind.nameProblem?.(v, taken) })).trim().toLowerCase();
        },
        async (p, s) => {
          const picked = await input.quickPick(
            [
              { label: 'No A record now', description: 'add records later', ip: undefined as string | undefined, of: undefined as string | undefined, picked: p.ip === undefined },
              ...droplets.flatMap((d) => {
                const ip = publicIpv4(d);
                return ip ? [{ label: `$(vm) ${d.name}`, description: `droplet · ${ip}`, ip, of: `droplet ${d.name}`, picked: p.ip === ip }] : [];
              }),
              ...reserved.map((r) => ({ label: `$(broadcast) ${r.ip}`, description: `reserved IP · ${r.droplet ? `on ${r.droplet.name}` : 'unassigned'} · ${r.region.slug}`, ip: r.ip, of: `reserved IP ${r.ip}`, picked: p.ip === r.ip })),
              { label: 'Another address…', description: p.ipOf === 'address' ? p.ip : 'an IPv4 address', ip: '', of: 'address', picked: p.ipOf === 'address' },
            ],
            { title, ...s, placeHolder: `An A record for ${p.name} itself, pointing to…` },
          );
          p.ipOf = picked.of;
          p.ip =
            picked.of === 'address'
              ? (await input.inputBox({ title, ...s, prompt: `IPv4 address for ${p.name}`, value: p.ip ?? '', validateInput: (v) => (isIpv4(v.trim()) ? undefined : 'An IPv4 address, like 203.0.113.10.') })).trim()
              : picked.ip;
        },
        projectStep<Plan>(input, title, projects),
        summaryStep<Plan>(input, title, (p) => ({ label: `Add ${p.name}`, description: p.ip ? `A record @ → ${p.ip} (${p.ipOf === 'address' ? 'typed' : p.ipOf})` : 'no A record', detail: 'DNS hosting is free' })),
      ]);
      const created = await withProgress(`Adding ${plan.name}…`, async (signal) => {
        const answer = await cache.client.create<Domain>(domainKind, { name: plan.name, ...(plan.ip ? { ip_address: plan.ip } : {}) }, { signal });
        await placeInProject(deps, cache.client, account, projects, plan.project, `do:domain:${answer.name}`, answer.name, signal);
        return answer;
      });
      log.info(`[${account.label}] Domain ${created.name} added${plan.ip ? ` with an A record to ${plan.ip}` : ''}`);
      model.reloadKind(account, domainKind.kind);
      await revealResource(deps, account, domainKind, created.name);
      const next = await input.notify('info', `Added ${created.name}. At its registrar, set the name servers to ns1.digitalocean.com, ns2.digitalocean.com and ns3.digitalocean.com.`, 'Add Record…');
      if (next) await vscode.commands.executeCommand('digitalocean.domain.addRecord', deps.explorer.nodeFor(account, domainPresenter, created, []));
      return created;
    }),
  ];
}
