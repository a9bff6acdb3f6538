/**
 * Create App: a wizard with Back — the source (a GitHub or GitLab repository and branch the user
 * names, or a spec in the workspace, which hands over to *Deploy App from Spec…*), what it is (a
 * web service, a static site or a worker), its name, region and instance size with the monthly
 * price, autodeploy on push — then the spec is checked and priced by the API (propose) for the
 * summary, the app is made, and its first deployment's build log is followed live.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { ApiError, appInstanceSizes, appRegions, createApp, proposeAppSpec } from '../../api';
import { type App, app as appKind } from '../../api/resources/app';
import { withProgress } from '../../ui/progress';
import { onlyWhen } from '../../ui/wizard';
import { openLogView } from './appTerminals';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { nameStep, regionStep, sizeStep, summaryStep } from '../wizard/prompts';
import { create, notify, PRIORITY, reveal, runCreateWizard } from '../wizard/create';
import { registerCommand } from '../register';
import { numberProblem } from '../validators';

type Provider = 'github' | 'gitlab';
type ComponentKind = 'services' | 'static_sites' | 'workers';

interface Plan {
  source: Provider | 'spec';
  repo: string;
  branch: string;
  kind: ComponentKind;
  port: number;
  name: string;
  region: string;
  size: string;
  autodeploy: boolean;
}

/** "owner/name" of a GitHub or GitLab repository (a URL is taken and trimmed to it). */
export function repoProblem(value: string): string | undefined {
  return /^[\w.-]+\/[\w.-]+(\/[\w.-]+)*$/.test(normalizeRepo(value)) ? undefined : vscode.l10n.t('The repository as owner/name, e.g. acme/shop (or its URL).');
}

export function normalizeRepo(value: string): string {
  return value
    .trim()
    .replace(/^https?:\/\/(www\.)?(github\.com|gitlab\.com)\//, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

/** A git branch name (what git check-ref-format allows, roughly). */
export function branchProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return vscode.l10n.t('A branch is required, e.g. main.');
  return /^(?!\/|.*\/\/|.*\.\.|.*@\{|.*\.lock$)[^\s~^:?*[\\]+(?<![/.])$/.test(v) ? undefined : vscode.l10n.t('{0} is not a branch name.', v);
}

const KINDS: { component: ComponentKind; label: string; description: string }[] = [
  { component: 'services', label: vscode.l10n.t('Web service'), description: vscode.l10n.t('a server listening on an HTTP port') },
  { component: 'static_sites', label: vscode.l10n.t('Static site'), description: vscode.l10n.t('built files served from the edge (free for up to 3 sites)') },
  { component: 'workers', label: vscode.l10n.t('Worker'), description: vscode.l10n.t('a background process without HTTP') },
];

export function registerAppCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.app.create', vscode.l10n.t('Create app'), async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, vscode.l10n.t('Create an app in which account?'));
      const cache = model.cacheFor(account);
      const [apps, regions, sizes] = await withProgress(vscode.l10n.t('Loading apps, regions and instance sizes…'), (signal) =>
        Promise.all([cache.list(appKind), appRegions(cache.client, signal), appInstanceSizes(cache.client, signal)]),
      );
      const open = regions.filter((r) => !r.disabled);
      if (!open.length || !sizes.length) throw new Error(vscode.l10n.t('DigitalOcean offers no region or instance size for apps to this account now.'));
      const taken = apps.map((a) => a.spec.name);
      const title = vscode.l10n.t('Create app');
      const price = (slug: string) => Number(sizes.find((x) => x.slug === slug)?.usd_per_month ?? 0);
      // Deploy App from Spec edits files: not in the web build, so not offered there
      const fromSpec = deps.hasCommand('digitalocean.app.createFromSpec');

      const repoSource = (p: Plan) => p.source !== 'spec';
      let fromSpecAnswer: unknown;
      return runCreateWizard<Plan, App>(deps, {
        title,
        account,
        kind: appKind,
        plan: {
          source: 'github',
          repo: '',
          branch: 'main',
          kind: 'services',
          port: 8080,
          name: '',
          region: open.find((r) => r.default)?.slug ?? open[0].slug,
          size: sizes[0].slug,
          autodeploy: true,
        },
        prompts: [
          async (p, s) => {
            p.source = (
              await input.quickPick(
                [
                  {
                    label: vscode.l10n.t('GitHub repository'),
                    description: vscode.l10n.t('DigitalOcean’s GitHub app must have access to it'),
                    source: 'github' as const,
                    picked: p.source === 'github',
                  },
                  {
                    label: vscode.l10n.t('GitLab repository'),
                    description: vscode.l10n.t('DigitalOcean must be authorized for GitLab'),
                    source: 'gitlab' as const,
                    picked: p.source === 'gitlab',
                  },
                  ...(fromSpec
                    ? [
                        {
                          label: vscode.l10n.t('A spec in this workspace…'),
                          description: vscode.l10n.t('.do/app.yaml or *.app.yaml: Deploy App from Spec'),
                          source: 'spec' as const,
                          picked: p.source === 'spec',
                        },
                      ]
                    : []),
                ],
                { title, ...s, placeHolder: vscode.l10n.t('Deploy from') },
              )
            ).source;
          },
          onlyWhen(repoSource, async (p, s) => {
            p.repo = normalizeRepo(
              await input.inputBox({
                title,
                ...s,
                prompt: vscode.l10n.t('{0} repository (owner/name)', p.source === 'github' ? 'GitHub' : 'GitLab'),
                value: p.repo,
                validateInput: repoProblem,
              }),
            );
          }),
          onlyWhen(repoSource, async (p, s) => {
            p.branch = (
              await input.inputBox({ title, ...s, prompt: vscode.l10n.t('Branch of {0} to deploy', p.repo), value: p.branch, validateInput: branchProblem })
            ).trim();
          }),
          onlyWhen(repoSource, async (p, s) => {
            p.kind = (
              await input.quickPick(
                KINDS.map((k) => ({ ...k, picked: k.component === p.kind })),
                { title, ...s, placeHolder: vscode.l10n.t('What is {0}?', p.repo) },
              )
            ).component;
          }),
          onlyWhen(
            (p) => repoSource(p) && p.kind === 'services',
            async (p, s) => {
              p.port = Number(
                await input.inputBox({
                  title,
                  ...s,
                  prompt: vscode.l10n.t('The HTTP port it listens on'),
                  value: String(p.port),
                  validateInput: (v) => numberProblem(v, 1, 65535, vscode.l10n.t('The port')),
                }),
              );
            },
          ),
          onlyWhen(
            repoSource,
            nameStep<Plan>(input, title, {
              kind: appKind,
              taken,
              prompt: vscode.l10n.t('App name'),
              suggest: (p) =>
                (p.repo.split('/').pop() ?? '')
                  .toLowerCase()
                  .replace(/[^a-z0-9-]/g, '-')
                  .replace(/^[^a-z]+/, '')
                  .slice(0, 32)
                  .replace(/-+$/, ''),
            }),
          ),
          onlyWhen(
            repoSource,
            regionStep<Plan>(input, title, () => open.map((r) => ({ slug: r.slug, name: `${r.label}${r.default ? ' · default' : ''}` }))),
          ),
          onlyWhen(
            (p) => repoSource(p) && p.kind !== 'static_sites',
            sizeStep<Plan>(
              input,
              title,
              () => sizes.map((x) => ({ slug: x.slug, description: vscode.l10n.t('{0} · ${1}/mo per instance', x.name, Number(x.usd_per_month)) })),
              () => vscode.l10n.t('Instance size'),
            ),
          ),
          onlyWhen(repoSource, async (p, s) => {
            p.autodeploy = (
              await input.quickPick(
                [
                  { label: vscode.l10n.t('Deploy on every push'), description: `to ${p.branch}`, on: true, picked: p.autodeploy },
                  { label: vscode.l10n.t('Deploy only when I ask'), description: vscode.l10n.t('Deploy in the view'), on: false, picked: !p.autodeploy },
                ],
                { title, ...s, placeHolder: vscode.l10n.t('Autodeploy') },
              )
            ).on;
          }),
          onlyWhen(repoSource, async (p, s) => {
            // the API checks and prices the spec (changes nothing) so the summary says what it costs
            const proposal = await withProgress(vscode.l10n.t('Checking {0} with DigitalOcean…', p.name), (signal) =>
              proposeAppSpec(cache.client, specOf(p), undefined, signal),
            );
            const cost = proposal.app_cost !== undefined ? `$${proposal.app_cost}/mo` : p.kind === 'static_sites' ? 'free' : `$${price(p.size)}/mo`;
            await summaryStep<Plan>(input, title, () => ({
              label: vscode.l10n.t('Create {0}', p.name),
              description: `${p.repo}@${p.branch} · ${KINDS.find((k) => k.component === p.kind)!.label.toLowerCase()} · ${p.region} · ${cost}`,
              detail: vscode.l10n.t(
                '{0} · the first build starts at once and its log opens',
                p.autodeploy ? vscode.l10n.t('deploys on every push') : vscode.l10n.t('deploys when asked'),
              ),
            }))(p, s);
          }),
        ],
        execute: [
          {
            // a spec in the workspace: Deploy App from Spec takes over
            priority: PRIORITY.create - 1,
            async run({ plan }) {
              if (plan.source !== 'spec') return;
              fromSpecAnswer = await vscode.commands.executeCommand('digitalocean.app.createFromSpec');
              return 'stop';
            },
          },
          create({
            detail: (p) => `from ${p.source} ${p.repo}@${p.branch}`,
            send: ({ plan }, signal) =>
              createApp(cache.client, specOf(plan), signal).catch((error: unknown) => {
                if (error instanceof ApiError && error.status === 400) throw new Error(vscode.l10n.t('DigitalOcean refused the app: {0}', error.describe()));
                throw error;
              }) as Promise<App>,
          }),
          reveal('ready'),
          {
            // follow the first deployment: its build log, live
            priority: PRIORITY.revealReady + 1,
            run: async (c) => void (await openLogView(deps, account, c.created!, 'BUILD')),
          },
          notify(({ plan }) => ({
            message: vscode.l10n.t(
              'App {0} is building from {1}@{2}; its build log is open. It shows as deployed in the view when done.',
              plan.name,
              plan.repo,
              plan.branch,
            ),
          })),
        ],
        result: (c) => (c.plan.source === 'spec' ? fromSpecAnswer : c.created),
      });
    }),
  ];
}

/** The app spec the answers describe: one component built from the repository. */
function specOf(p: Plan): Record<string, unknown> {
  const component: Record<string, unknown> = {
    name: p.kind === 'static_sites' ? 'site' : p.kind === 'workers' ? 'worker' : 'web',
    [p.source]: { repo: p.repo, branch: p.branch, deploy_on_push: p.autodeploy },
    ...(p.kind === 'services' ? { http_port: p.port } : {}),
    ...(p.kind !== 'static_sites' ? { instance_size_slug: p.size, instance_count: 1 } : {}),
  };
  return { name: p.name, region: p.region, [p.kind]: [component] };
}
