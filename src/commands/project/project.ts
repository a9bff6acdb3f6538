/**
 * Projects: create (a wizard with Back), rename, make default, delete — only when empty, else it
 * says what is in it — and *Move to Project…* for any resource that can belong to one.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { assignToProject } from '../../api/operations';
import { type Project, project as projectKind, projectResource } from '../../api/resources/project';
import { AccountNode } from '../../tree/nodes/accountNode';
import { plural } from '../../tree/format';
import { ProjectNode } from '../../tree/nodes/projectNode';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget, projectOf } from '../pick';
import { descriptionStep, nameStep, summaryStep } from '../wizard/prompts';
import { create, notify, runCreateWizard } from '../wizard/create';
import { registerCommand } from '../register';
import { selectionOf } from '../bulk';

/** The purposes the control panel offers (the API takes any text up to 255 characters). */
const PURPOSES = [
  'Web Application',
  'Service or API',
  'Website or blog',
  'Mobile Application',
  'Machine learning / AI / Data processing',
  'IoT',
  'Operational / Developer tooling',
  'Just trying out DigitalOcean',
  'Class project / Educational purposes',
];
const ENVIRONMENTS = ['Development', 'Staging', 'Production'] as const;

interface Plan {
  name: string;
  purpose: string;
  environment?: (typeof ENVIRONMENTS)[number];
  description: string;
}

/**
 * Moves resources of one account into a project in one request (`POST /v2/projects/{id}/resources`),
 * under progress, logged, with the project and kind lists reloaded: Move to Project and drops share it.
 */
export async function moveToProject(deps: Pick<CommandDeps, 'model' | 'log'>, project: Project, nodes: ResourceNode[]): Promise<void> {
  const { account } = nodes[0];
  const what = nodes.length === 1 ? nodes[0].name : plural(nodes.length, 'resource');
  const urns = nodes.map((n) => `${n.presenter.kind.urnPrefix}${n.resourceId}`);
  await withProgress(vscode.l10n.t('Moving {0} to {1}…', what, project.name), (signal) =>
    assignToProject(deps.model.client(account), project.id, urns, signal),
  );
  deps.log.info(`[${account.label}] ${nodes.map((n) => `${n.presenter.kind.label.toLowerCase()} ${n.name}`).join(', ')} moved to project ${project.name}`);
  deps.model.reloadKind(account, projectKind.kind);
  for (const kind of new Set(nodes.map((n) => n.presenter.kind.kind))) deps.model.reloadKind(account, kind);
}

function projectArg(arg: unknown): ProjectNode {
  if (arg instanceof ProjectNode) return arg;
  throw new Error(vscode.l10n.t('Run this command from a project in the DigitalOcean view.'));
}

export function registerProjectCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  async function patch(account: AccountInfo, id: string, body: Record<string, unknown>, title: string): Promise<Project> {
    const updated = await withProgress(title, (signal) =>
      model.client(account).request<{ project: Project }>('PATCH', `/v2/projects/${encodeURIComponent(id)}`, { body, signal }),
    );
    model.reloadKind(account, projectKind.kind);
    return updated.project;
  }

  return [
    registerCommand(deps, 'digitalocean.project.create', vscode.l10n.t('Create project'), async (arg) => {
      const account = arg instanceof AccountNode ? arg.account : await accountTarget(deps, arg, vscode.l10n.t('Create a project in which account?'));
      const existing = await withProgress(vscode.l10n.t('Loading the projects…'), () => model.cacheFor(account).list(projectKind));
      const title = vscode.l10n.t('Create project');
      return runCreateWizard<Plan, Project>(deps, {
        title,
        account,
        kind: projectKind,
        plan: { name: '', purpose: PURPOSES[0], description: '' },
        prompts: [
          nameStep<Plan>(input, title, { kind: projectKind, taken: existing.map((x) => x.name) }),
          async (p, s) => {
            const picked = await input.quickPick(
              [...PURPOSES.map((label) => ({ label, picked: label === p.purpose })), { label: vscode.l10n.t('Other…'), picked: !PURPOSES.includes(p.purpose) }],
              { title, ...s, placeHolder: vscode.l10n.t('What is it for?') },
            );
            p.purpose =
              picked.label === vscode.l10n.t('Other…')
                ? (
                    await input.inputBox({
                      title,
                      ...s,
                      prompt: vscode.l10n.t('Purpose'),
                      value: PURPOSES.includes(p.purpose) ? '' : p.purpose,
                      validateInput: (v) =>
                        !v.trim() ? vscode.l10n.t('A purpose is required.') : v.length > 255 ? vscode.l10n.t('At most 255 characters.') : undefined,
                    })
                  ).trim()
                : picked.label;
          },
          async (p, s) => {
            const picked = await input.quickPick(
              [{ label: vscode.l10n.t('None') }, ...ENVIRONMENTS.map((label) => ({ label, picked: label === p.environment }))],
              { title, ...s, placeHolder: vscode.l10n.t('Environment') },
            );
            p.environment = picked.label === vscode.l10n.t('None') ? undefined : (picked.label as Plan['environment']);
          },
          descriptionStep(input, title),
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: [p.purpose, p.environment, 'free'].filter(Boolean).join(' · '),
          })),
        ],
        execute: [
          create({
            detail: (p) => [p.purpose, p.environment].filter(Boolean).join(', '),
            send: ({ plan }, signal) =>
              model.client(account).create<Project>(
                projectKind,
                {
                  name: plan.name,
                  purpose: plan.purpose,
                  ...(plan.environment ? { environment: plan.environment } : {}),
                  ...(plan.description ? { description: plan.description } : {}),
                },
                { signal },
              ),
          }),
          // a project is not a resource the view can select: the notification says where it is
          notify(({ created }) => ({ message: vscode.l10n.t('Created project {0}. Use Move to Project… on a resource to put it there.', created!.name) })),
        ],
      });
    }),

    registerCommand(deps, 'digitalocean.project.rename', vscode.l10n.t('Rename project'), async (arg) => {
      const node = projectArg(arg);
      const { account } = node.parent;
      const existing = (await model.cacheFor(account).list(projectKind)).filter((p) => p.id !== node.project.id);
      const name = (
        await input.inputBox({
          title: vscode.l10n.t('Rename project {0}', node.project.name),
          value: node.project.name,
          validateInput: (v) =>
            projectKind.nameProblem?.(
              v,
              existing.map((x) => x.name),
            ) ?? (v.trim() === node.project.name ? vscode.l10n.t('That is its name now.') : undefined),
        })
      ).trim();
      await patch(account, node.project.id, { name }, vscode.l10n.t('Renaming {0}…', node.project.name));
      log.info(`[${account.label}] project ${node.project.name} renamed to ${name}`);
    }),

    registerCommand(deps, 'digitalocean.project.setDefault', vscode.l10n.t('Make default project'), async (arg) => {
      const node = projectArg(arg);
      const { account } = node.parent;
      if (node.project.is_default) throw new Error(vscode.l10n.t('{0} is the default project already.', node.project.name));
      await input.confirm(
        vscode.l10n.t('Make {0} the default project?', node.project.name),
        vscode.l10n.t('New resources made without a project go into the default project.'),
        vscode.l10n.t('Make Default'),
      );
      await patch(account, node.project.id, { is_default: true }, vscode.l10n.t('Making {0} the default…', node.project.name));
      log.info(`[${account.label}] project ${node.project.name} is the default now`);
    }),

    registerCommand(deps, 'digitalocean.project.delete', vscode.l10n.t('Delete project'), async (arg) => {
      const node = projectArg(arg);
      const { account } = node.parent;
      if (node.project.is_default) throw new Error(vscode.l10n.t('{0} is the default project: make another the default first.', node.project.name));
      const resources = await withProgress(vscode.l10n.t('Checking what is in {0}…', node.project.name), (signal) =>
        model.client(account).listAll(projectResource, { parents: [node.project.id], signal }),
      );
      if (resources.length) {
        const kinds = new Map<string, number>();
        for (const r of resources) kinds.set(r.urn.split(':')[1] ?? 'resource', (kinds.get(r.urn.split(':')[1] ?? 'resource') ?? 0) + 1);
        throw new Error(
          vscode.l10n.t(
            '{0} still holds {1} ({2}): move or delete them first; only an empty project can be deleted.',
            node.project.name,
            plural(resources.length, 'resource'),
            [...kinds].map(([k, n]) => `${n} ${k}`).join(', '),
          ),
        );
      }
      await input.confirm(vscode.l10n.t('Delete the empty project {0}?', node.project.name), vscode.l10n.t('This cannot be undone.'), vscode.l10n.t('Delete'));
      await withProgress(vscode.l10n.t('Deleting {0}…', node.project.name), (signal) =>
        model.client(account).request<void>('DELETE', `/v2/projects/${encodeURIComponent(node.project.id)}`, { signal }),
      );
      log.info(`[${account.label}] project ${node.project.name} deleted`);
      model.reloadKind(account, projectKind.kind);
    }),

    registerCommand(deps, 'digitalocean.resource.moveToProject', vscode.l10n.t('Move to project'), async (arg, selected) => {
      // from the context menu of a multi-selection, VS Code passes the clicked node and every selected one
      const picked = selectionOf(arg, selected);
      const movable = (n: unknown): n is ResourceNode =>
        n instanceof ResourceNode && Boolean(n.presenter.kind.urnPrefix) && n.presenter.placement === 'project';
      const nodes = picked.filter(movable);
      if (!nodes.length) throw new Error(vscode.l10n.t('Run this command from a resource that can belong to a project.'));
      const skipped = picked.length - nodes.length;
      const { account } = nodes[0];
      if (nodes.some((n) => n.account.id !== account.id))
        throw new Error(vscode.l10n.t('Projects belong to one account: select resources of one account at a time.'));
      const projects = await withProgress(vscode.l10n.t('Loading the projects…'), () => model.cacheFor(account).list(projectKind));
      const currents = new Set(nodes.map(projectOf));
      const current = currents.size === 1 ? [...currents][0] : undefined;
      const others = projects.filter((p) => p.id !== current);
      if (!others.length) throw new Error(vscode.l10n.t('{0} has no other project: create one first.', account.label));
      const what = nodes.length === 1 ? nodes[0].name : plural(nodes.length, 'resource');
      const choice = await input.quickPick(
        others.map((p) => ({ label: p.name, description: [p.is_default ? 'default' : '', p.environment].filter(Boolean).join(' · '), project: p })),
        {
          title: vscode.l10n.t('Move {0} to which project?', what),
          placeHolder:
            nodes.length > 1
              ? `${nodes.map((n) => n.name).join(', ')}${skipped ? vscode.l10n.t(' ({0} that cannot belong to a project left out)', plural(skipped, vscode.l10n.t('selected item'))) : ''}`
              : undefined,
        },
      );
      await moveToProject(deps, choice.project, nodes);
    }),
  ];
}
