/**
 * Create App: a wizard with Back — the source (a GitHub or GitLab repository and branch the user
 * names, or a spec in the workspace, which hands over to *Deploy App from Spec…*), what it is (a
 * web service, a static site or a worker), its name, region and instance size with the monthly
 * price, autodeploy on push — then the spec is checked and priced by the API (propose) for the
 * summary, the app is made, and its first deployment's build log is followed live.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../accounts/accountStore';
import { ApiError, appInstanceSizes, appRegions, createApp, proposeAppSpec } from '../api';
import { type App, app as appKind } from '../api/resources/app';
import { withProgress } from '../ui/progress';
import { runWizard } from '../ui/wizard';
import { openLogView } from './app';
import type { CommandDeps } from './deps';
import { accountTarget, revealResource } from './pick';
import { registerCommand } from './register';
import { numberProblem } from './validators';

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
  return /^[\w.-]+\/[\w.-]+(\/[\w.-]+)*$/.test(normalizeRepo(value)) ? undefined : 'The repository as owner/name, e.g. acme/shop (or its URL).';
}

export function normalizeRepo(value: string): string {
  return value
    .trim()
    .replace(/^https?:\/\/(www\.)?(github\.com|gitlab\.com)\//, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

/** App names: 2 to 32 lowercase letters, digits and "-", starting with a letter. */
export function appNameProblem(value: string, taken: readonly string[]): string | undefined {
  if (!/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/.test(value)) return '2 to 32 lowercase letters, digits and "-", starting with a letter.';
  return taken.includes(value) ? `The account has an app named ${value} already.` : undefined;
}

/** A git branch name (what git check-ref-format allows, roughly). */
export function branchProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'A branch is required, e.g. main.';
  return /^(?!\/|.*\/\/|.*\.\.|.*@\{|.*\.lock$)[^\s~^:?*[\\]+(?<![/.])$/.test(v) ? undefined : `${v} is not a branch name.`;
}

const KINDS: { component: ComponentKind; label: string; description: string }[] = [
  { component: 'services', label: 'Web service', description: 'a server listening on an HTTP port' },
  { component: 'static_sites', label: 'Static site', description: 'built files served from the edge (free for up to 3 sites)' },
  { component: 'workers', label: 'Worker', description: 'a background process without HTTP' },
];

export function registerAppCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.app.create', 'Create app', async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, 'Create an app in which account?');
      const cache = model.cacheFor(account);
      const [apps, regions, sizes] = await withProgress('Loading apps, regions and instance sizes…', (signal) =>
        Promise.all([cache.list(appKind), appRegions(cache.client, signal), appInstanceSizes(cache.client, signal)]),
      );
      const open = regions.filter((r) => !r.disabled);
      if (!open.length || !sizes.length) throw new Error('DigitalOcean offers no region or instance size for apps to this account now.');
      const taken = apps.map((a) => a.spec.name);
      const title = 'Create app';
      const price = (slug: string) => Number(sizes.find((x) => x.slug === slug)?.usd_per_month ?? 0);

      const plan = await runWizard<Plan>({ source: 'github', repo: '', branch: 'main', kind: 'services', port: 8080, name: '', region: open.find((r) => r.default)?.slug ?? open[0].slug, size: sizes[0].slug, autodeploy: true }, [
        async (p, s) => {
          p.source = (
            await input.quickPick(
              [
                { label: 'GitHub repository', description: 'DigitalOcean’s GitHub app must have access to it', source: 'github' as const, picked: p.source === 'github' },
                { label: 'GitLab repository', description: 'DigitalOcean must be authorized for GitLab', source: 'gitlab' as const, picked: p.source === 'gitlab' },
                { label: 'A spec in this workspace…', description: '.do/app.yaml or *.app.yaml: Deploy App from Spec', source: 'spec' as const, picked: p.source === 'spec' },
              ],
              { title, ...s, placeHolder: 'Deploy from' },
            )
          ).source;
        },
        async (p, s) => {
          if (p.source === 'spec') return 'skipped';
          p.repo = normalizeRepo(await input.inputBox({ title, ...s, prompt: `${p.source === 'github' ? 'GitHub' : 'GitLab'} repository (owner/name)`, value: p.repo, validateInput: repoProblem }));
        },
        async (p, s) => {
          if (p.source === 'spec') return 'skipped';
          p.branch = (await input.inputBox({ title, ...s, prompt: `Branch of ${p.repo} to deploy`, value: p.branch, validateInput: branchProblem })).trim();
        },
        async (p, s) => {
          if (p.source === 'spec') return 'skipped';
          p.kind = (await input.quickPick(KINDS.map((k) => ({ ...k, picked: k.component === p.kind })), { title, ...s, placeHolder: `What is ${p.repo}?` })).component;
        },
        async (p, s) => {
          if (p.source === 'spec' || p.kind !== 'services') return 'skipped';
          p.port = Number(await input.inputBox({ title, ...s, prompt: 'The HTTP port it listens on', value: String(p.port), validateInput: (v) => numberProblem(v, 1, 65535, 'The port') }));
        },
        async (p, s) => {
          if (p.source === 'spec') return 'skipped';
          const suggested = (p.repo.split('/').pop() ?? '').toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^[^a-z]+/, '').slice(0, 32).replace(/-+$/, '');
          p.name = (await input.inputBox({ title, ...s, prompt: 'App name', value: p.name || suggested, validateInput: (v) => appNameProblem(v.trim(), taken) })).trim();
        },
        async (p, s) => {
          if (p.source === 'spec') return 'skipped';
          p.region = (await input.quickPick(open.map((r) => ({ label: r.slug, description: `${r.label}${r.default ? ' · default' : ''}`, picked: r.slug === p.region })), { title, ...s, placeHolder: 'Region' })).label;
        },
        async (p, s) => {
          if (p.source === 'spec' || p.kind === 'static_sites') return 'skipped';
          p.size = (
            await input.quickPick(
              sizes.map((x) => ({ label: x.slug, description: `${x.name} · $${Number(x.usd_per_month)}/mo per instance`, picked: x.slug === p.size })),
              { title, ...s, placeHolder: 'Instance size' },
            )
          ).label;
        },
        async (p, s) => {
          if (p.source === 'spec') return 'skipped';
          p.autodeploy = (
            await input.quickPick(
              [
                { label: 'Deploy on every push', description: `to ${p.branch}`, on: true, picked: p.autodeploy },
                { label: 'Deploy only when I ask', description: 'Deploy in the view', on: false, picked: !p.autodeploy },
              ],
              { title, ...s, placeHolder: 'Autodeploy' },
            )
          ).on;
        },
        async (p, s) => {
          if (p.source === 'spec') return 'skipped';
          // the API checks and prices the spec (changes nothing) so the summary says what it costs
          const proposal = await withProgress(`Checking ${p.name} with DigitalOcean…`, (signal) => proposeAppSpec(cache.client, specOf(p), undefined, signal));
          const cost = proposal.app_cost !== undefined ? `$${proposal.app_cost}/mo` : p.kind === 'static_sites' ? 'free' : `$${price(p.size)}/mo`;
          await input.quickPick(
            [{ label: `Create ${p.name}`, description: `${p.repo}@${p.branch} · ${KINDS.find((k) => k.component === p.kind)!.label.toLowerCase()} · ${p.region} · ${cost}`, detail: `${p.autodeploy ? 'deploys on every push' : 'deploys when asked'} · the first build starts at once and its log opens` }],
            { title, ...s, placeHolder: 'Create it? (Back to change something, Esc to cancel)' },
          );
        },
      ]);
      if (plan.source === 'spec') return vscode.commands.executeCommand('digitalocean.app.createFromSpec');

      const created = await withProgress(`Creating app ${plan.name}…`, (signal) => createApp(cache.client, specOf(plan), signal)).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 400) throw new Error(`DigitalOcean refused the app: ${error.describe()}`);
        throw error;
      });
      log.info(`[${account.label}] App ${plan.name} created from ${plan.source} ${plan.repo}@${plan.branch}; its first deployment started`);
      model.reloadKind(account, appKind.kind);
      await revealResource(deps, account, appKind, created.id);
      // follow the first deployment: its build log, live
      await openLogView(deps, account, created as App, 'BUILD');
      void input.notify('info', `App ${plan.name} is building from ${plan.repo}@${plan.branch}; its build log is open. It shows as deployed in the view when done.`);
      return created;
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
