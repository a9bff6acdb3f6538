/**
 * Create Droplet: a wizard with Back (name, region, size in that region, image, SSH keys, VPC,
 * options, project, tags), then progress until the droplet is active, then it is revealed.
 * A create is never retried by the client: a duplicate droplet costs money.
 */
import * as vscode from 'vscode';
import { assignToProject, createDroplet, type DropletSize, type Image, droplet as dropletKind, dropletSize, image as imageKind, project as projectKind, sshKey, vpc as vpcKind } from '../api';
import type { AccountInfo } from '../accounts/accountStore';
import { memory } from '../tree/format';
import { accountTarget, pickRegion } from './pick';
import { registerCommand } from './register';
import { withProgress } from '../ui/progress';
import { runWizard } from '../ui/wizard';
import type { CommandDeps } from './deps';
import { tagsProblem, dropletNameProblem } from './validators';

interface Plan {
  name: string;
  region: string;
  size?: DropletSize;
  image?: Image;
  sshKeys: number[];
  vpc?: string;
  options: string[];
  project?: string;
  tags: string[];
}

export function registerCreateDroplet(deps: CommandDeps): vscode.Disposable {
  const { input, log, model } = deps;
  return registerCommand(deps, 'digitalocean.droplet.create', 'Create droplet', async (arg) => {
    const account: AccountInfo = await accountTarget(deps, arg, 'Create a droplet in which account?');
    const cache = model.cacheFor(account);
    const [sizes, distributions, custom, keys, vpcs, projects] = await withProgress('Loading sizes, images and keys…', () =>
      Promise.all([
        cache.list(dropletSize),
        cache.list(imageKind, [], { type: 'distribution' }),
        cache.list(imageKind, [], { private: true }).catch(() => [] as Image[]),
        cache.list(sshKey).catch(() => []),
        cache.list(vpcKind).catch(() => []),
        cache.list(projectKind).catch(() => []),
      ]),
    );
    const taken = new Set((cache.peek(dropletKind) ?? []).map((d) => d.name));
    const title = 'Create droplet';
    const plan = await runWizard<Plan>({ name: '', region: 'nyc3', sshKeys: [], options: ['monitoring'], tags: [] }, [
      async (p, s) => {
        p.name = (
          await input.inputBox({ title, ...s, prompt: 'Name (host name)', value: p.name, validateInput: (v) => dropletNameProblem(v) ?? (taken.has(v.trim()) ? `${v.trim()} exists already in this account.` : undefined) })
        ).trim();
      },
      async (p, s) => {
        p.region = await pickRegion(deps, account, { title, ...s, current: p.region });
      },
      async (p, s) => {
        const here = sizes.filter((x) => x.available && x.regions.includes(p.region));
        p.size = (
          await input.quickPick(
            here.map((x) => ({ label: x.slug, description: `${x.vcpus} vCPU · ${memory(x.memory)} · ${x.disk} GB disk · $${x.price_monthly}/mo`, size: x })),
            { title, ...s, placeHolder: `Size (available in ${p.region})` },
          )
        ).size;
      },
      async (p, s) => {
        const usable = [...distributions, ...custom].filter((i) => i.regions.length === 0 || i.regions.includes(p.region));
        p.image = (await input.quickPick(usable.map((i) => ({ label: `${i.distribution} ${i.name}`, description: i.type === 'base' ? i.slug ?? '' : `custom image · ${i.regions.join(', ')}`, image: i })), { title, ...s, placeHolder: 'Image' })).image;
      },
      async (p, s) => {
        const picked = await input.quickPickMany(
          keys.map((k) => ({ label: k.name, description: k.fingerprint, picked: p.sshKeys.includes(k.id), key: k })),
          { title, ...s, placeHolder: 'SSH keys (none: a root password is emailed)' },
        );
        p.sshKeys = picked.map((k) => k.key.id);
      },
      async (p, s) => {
        const here = vpcs.filter((v) => v.region === p.region);
        p.vpc = here.length
          ? (await input.quickPick(here.map((v) => ({ label: v.name, description: `${v.ip_range}${v.default ? ' · default' : ''}`, vpc: v })), { title, ...s, placeHolder: 'VPC' })).vpc.id
          : undefined;
      },
      async (p, s) => {
        const options = [
          { label: 'monitoring', description: 'metrics agent (free)' },
          { label: 'backups', description: 'weekly backups (+20% of the droplet price)' },
          { label: 'ipv6', description: 'a public IPv6 address' },
        ];
        p.options = (await input.quickPickMany(options.map((o) => ({ ...o, picked: p.options.includes(o.label) })), { title, ...s, placeHolder: 'Options' })).map((o) => o.label);
      },
      async (p, s) => {
        p.project = projects.length
          ? (await input.quickPick([...projects].sort((a, b) => Number(b.is_default) - Number(a.is_default)).map((x) => ({ label: x.name, description: x.is_default ? 'default' : '', project: x })), { title, ...s, placeHolder: 'Project' })).project.id
          : undefined;
      },
      async (p, s) => {
        const text = await input.inputBox({ title, ...s, prompt: 'Tags, separated by commas (optional)', value: p.tags.join(', '), validateInput: tagsProblem });
        p.tags = text.split(',').map((t) => t.trim()).filter(Boolean);
      },
      async (p, s) => {
        await input.quickPick([{ label: `Create ${p.name}`, description: `${p.size!.slug} · ${p.region} · $${p.size!.price_monthly}/mo` }], { title, ...s, placeHolder: 'Create it? (Back to change something, Esc to cancel)' });
      },
    ]);

    const body = {
      name: plan.name,
      region: plan.region,
      size: plan.size!.slug,
      image: plan.image!.slug ?? plan.image!.id,
      ssh_keys: plan.sshKeys,
      vpc_uuid: plan.vpc,
      monitoring: plan.options.includes('monitoring'),
      backups: plan.options.includes('backups'),
      ipv6: plan.options.includes('ipv6'),
      tags: plan.tags,
    };
    log.info(`[${account.label}] Create droplet ${plan.name} (${body.size}, ${body.region}): started`);
    const created = await withProgress(`Creating ${plan.name}…`, async (signal, report) => {
      const answer = await createDroplet(cache.client, body, signal);
      if (plan.project && !projects.find((x) => x.id === plan.project)?.is_default) {
        await assignToProject(cache.client, plan.project, [`do:droplet:${answer.droplet.id}`], signal).catch(() => undefined);
      }
      model.reloadKind(account, dropletKind.kind);
      const actionId = answer.actionId;
      if (actionId) {
        report('waiting until it is active');
        await cache.client.waitForAction(actionId, { signal });
      }
      return answer.droplet;
    });
    log.info(`[${account.label}] Create droplet ${plan.name}: completed`);
    model.reloadKind(account, dropletKind.kind);
    vscode.window.setStatusBarMessage(`$(check) Droplet ${plan.name} is active`, 5000);
    return created.id;
  });
}
