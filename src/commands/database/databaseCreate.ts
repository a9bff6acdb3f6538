/**
 * Create Database Cluster: a wizard with Back — engine, version, region, node count and size from
 * `/v2/databases/options` (only what that engine offers in that region), name, extra storage,
 * the region's VPC, tags, project — then a summary, the create, progress until the cluster is
 * online, the cluster selected in the tree, and the next natural steps offered: a trusted source
 * (nobody can connect until one is added) and a user.
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { databaseOptions } from '../../api';
import { newestFirst } from '../../api/versions';
import { type DatabaseCluster, type DatabaseEngine, type DatabaseEngineOptions, databaseCluster, supportsUsers } from '../../api/resources/database';
import { project as projectKind } from '../../api/resources/project';
import { vpc as vpcKind } from '../../api/resources/vpc';
import { plural } from '../../tree/format';
import { databaseClusterPresenter, dbSizeLabel, engineName } from '../../tree/kinds/database';
import { withProgress } from '../../ui/progress';
import { NO_EXTRA_STORAGE, databasePlanProblems } from '../../model/createPlans';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { numberProblem } from '../validators';
import { nameStep, projectStep, regionStep, sizeStep, summaryStep, tagsStep, vpcStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard, waitUntilReady } from '../wizard/create';

interface Plan {
  engine: DatabaseEngine;
  version: string;
  region: string;
  nodes: number;
  size: string;
  name: string;
  /** Total storage in GiB; undefined: what the size includes. */
  storageGib?: number;
  vpc?: string;
  tags: string[];
  project?: string;
}

const nodesText = (n: number) =>
  n === 1 ? vscode.l10n.t('1 node (no standby)') : vscode.l10n.t('{0} nodes (primary + {1})', n, plural(n - 1, vscode.l10n.t('standby node')));

export function registerDatabaseCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.database.create', vscode.l10n.t('Create database cluster'), async (arg) => {
      const account: AccountInfo = await accountTarget(deps, arg, vscode.l10n.t('Create a database cluster in which account?'));
      const cache = model.cacheFor(account);
      const [options, clusters, vpcs, projects] = await withProgress(vscode.l10n.t('Loading database engines, plans and VPCs…'), (signal) =>
        Promise.all([
          databaseOptions(cache.client, signal),
          cache.list(databaseCluster),
          cache.list(vpcKind).catch(() => []),
          cache.list(projectKind).catch(() => []),
        ]),
      );
      const engines = Object.entries(options).filter(
        (e): e is [DatabaseEngine, DatabaseEngineOptions] => e[1].versions.length > 0 && e[1].layouts.length > 0 && e[1].regions.length > 0,
      );
      if (!engines.length) throw new Error(vscode.l10n.t('DigitalOcean offers no database engine to this account now.'));
      const of = (p: Plan) => options[p.engine];
      const taken = clusters.map((c) => c.name);
      const title = vscode.l10n.t('Create database cluster');
      const first = engines.find(([e]) => e === 'pg') ?? engines[0];

      return runCreateWizard<Plan, DatabaseCluster>(deps, {
        title,
        account,
        kind: databaseCluster,
        plan: { engine: first[0], version: '', region: 'nyc3', nodes: 1, size: '', name: '', tags: [] },
        prompts: [
          async (p, s) => {
            const picked = await input.quickPick(
              engines.map(([engine, o]) => ({
                label: engineName(engine),
                description: `versions ${newestFirst(o.versions, (v) => v).join(', ')}`,
                picked: engine === p.engine,
                engine,
              })),
              { title, ...s, placeHolder: vscode.l10n.t('Engine') },
            );
            if (picked.engine !== p.engine) Object.assign(p, { engine: picked.engine, version: '', size: '' });
          },
          async (p, s) => {
            const versions = newestFirst(of(p).versions, (v) => v);
            if (!versions.includes(p.version)) p.version = versions[0];
            p.version = (
              await input.quickPick(
                versions.map((v, i) => ({ label: v, description: i === 0 ? 'newest' : '', picked: v === p.version })),
                { title, ...s, placeHolder: `${engineName(p.engine)} version` },
              )
            ).label;
          },
          regionStep<Plan>(
            input,
            title,
            (p) => of(p).regions.map((slug) => ({ slug })),
            (p) => vscode.l10n.t('Region (where {0} is offered)', engineName(p.engine)),
          ),
          async (p, s) => {
            const layouts = of(p).layouts;
            if (!layouts.some((l) => l.num_nodes === p.nodes)) p.nodes = layouts[0].num_nodes;
            p.nodes = (
              await input.quickPick(
                layouts.map((l) => ({ label: nodesText(l.num_nodes), picked: l.num_nodes === p.nodes, n: l.num_nodes })),
                { title, ...s, placeHolder: vscode.l10n.t('Nodes') },
              )
            ).n;
          },
          sizeStep<Plan>(
            input,
            title,
            (p) =>
              (of(p).layouts.find((l) => l.num_nodes === p.nodes)?.sizes ?? []).map((slug) => ({
                slug,
                description: vscode.l10n.t('{0} per node', dbSizeLabel(slug)),
              })),
            (p) => vscode.l10n.t('Size of each node ({0})', nodesText(p.nodes)),
          ),
          nameStep<Plan>(input, title, {
            kind: databaseCluster,
            taken,
            prompt: vscode.l10n.t('Cluster name'),
            suggest: (p) => {
              let n = 1;
              while (taken.includes(`${p.engine}-${p.region}-${n}`)) n++;
              return `${p.engine}-${p.region}-${n}`;
            },
          }),
          async (p, s) => {
            if (NO_EXTRA_STORAGE.has(p.engine)) {
              p.storageGib = undefined;
              return 'skipped';
            }
            const more = await input.quickPick(
              [
                { label: vscode.l10n.t('Storage included with the size'), picked: p.storageGib === undefined, more: false },
                {
                  label: vscode.l10n.t('More storage…'),
                  description: p.storageGib ? `${p.storageGib} GiB` : vscode.l10n.t('in steps of 10 GiB, billed per GiB'),
                  picked: p.storageGib !== undefined,
                  more: true,
                },
              ],
              { title, ...s, placeHolder: vscode.l10n.t('Storage') },
            );
            p.storageGib = more.more
              ? Number(
                  await input.inputBox({
                    title,
                    ...s,
                    prompt: vscode.l10n.t('Total storage in GiB for {0}: more than the size includes, in steps of 10', p.size),
                    value: String(p.storageGib ?? ''),
                    validateInput: (v) =>
                      numberProblem(v, 10, 16_384, vscode.l10n.t('Storage')) ??
                      (Number(v) % 10 ? vscode.l10n.t('Storage grows in steps of 10 GiB.') : undefined),
                  }),
                )
              : undefined;
          },
          vpcStep<Plan>(input, title, vpcs),
          tagsStep<Plan>(input, title),
          projectStep<Plan>(input, title, projects),
          summaryStep<Plan>(input, title, (p) => ({
            label: vscode.l10n.t('Create {0}', p.name),
            description: `${engineName(p.engine)} ${p.version} · ${p.region} · ${p.size} × ${p.nodes}`,
            detail: [
              nodesText(p.nodes),
              dbSizeLabel(p.size),
              p.storageGib ? vscode.l10n.t('{0} GiB storage', p.storageGib) : vscode.l10n.t('storage included with the size'),
              vscode.l10n.t('billed hourly; see the price in the control panel (the API gives none)'),
            ].join(' · '),
          })),
        ],
        execute: [
          create({
            detail: (p) => `${p.engine} ${p.version}, ${p.region}`,
            send: ({ plan }, signal) => {
              // the rules the agents' create tool checks too; what the steps offered passes them
              const storage = plan.storageGib ? plan.storageGib * 1024 : undefined;
              const problems = databasePlanProblems({ ...plan, num_nodes: plan.nodes, storage_size_mib: storage }, options, taken);
              if (problems.length) throw new Error(problems.join(' '));
              return cache.client.create<DatabaseCluster>(
                databaseCluster,
                {
                  name: plan.name,
                  engine: plan.engine,
                  version: plan.version,
                  region: plan.region,
                  num_nodes: plan.nodes,
                  size: plan.size,
                  ...(plan.storageGib ? { storage_size_mib: plan.storageGib * 1024 } : {}),
                  ...(plan.vpc ? { private_network_uuid: plan.vpc } : {}),
                  // the API puts it in the project itself
                  ...(plan.project ? { project_id: plan.project } : {}),
                  tags: plan.tags,
                },
                { signal },
              );
            },
          }),
          reveal('created'),
          waitUntilReady({
            progress: (c) => vscode.l10n.t('Creating database cluster {0}: setting up (usually about 5 minutes)…', c.name),
            state: (d) => (d.status === 'online' ? 'ready' : 'pending'),
          }),
          reveal('ready'),
          notify((c) => {
            const online = c.ready!;
            const node = () => deps.explorer.nodeFor(account, databaseClusterPresenter, online, []);
            return {
              message: vscode.l10n.t(
                '{0} is online. Until it has trusted sources, anyone with its password can connect from anywhere: add your droplets, cluster or address.',
                online.name,
              ),
              actions: [
                { label: vscode.l10n.t('Add Trusted Source…'), run: () => vscode.commands.executeCommand('digitalocean.database.addTrustedSource', node()) },
                ...(supportsUsers(online.engine)
                  ? [{ label: vscode.l10n.t('Create User…'), run: () => vscode.commands.executeCommand('digitalocean.database.createUser', node()) }]
                  : []),
              ],
            };
          }),
        ],
      });
    }),
  ];
}
