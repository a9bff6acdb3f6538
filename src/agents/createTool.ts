/**
 * Create from a spec: a droplet, a database cluster or an app, from the fields an agent gives.
 * Each spec is checked before the user is asked, by the rules the create wizards follow
 * (model/createPlans.ts: regions, sizes, images, engines, versions, names taken), an app spec by
 * the same JSON Schema and API check (propose) as *Deploy App from Spec…*; what fails is refused
 * with every problem, before any request that changes something. The question names the account,
 * what is made and its monthly price. It is checked again when it runs, then sent once; the view
 * shows the new resource, and its creation goes on there (nothing waits minutes in the chat).
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../accounts/accountStore';
import { ApiError, createApp, createDroplet, databaseOptions, proposeAppSpec } from '../api';
import { app as appKind } from '../api/resources/app';
import { type DatabaseCluster, databaseCluster } from '../api/resources/database';
import { droplet as dropletKind, dropletSize } from '../api/resources/droplet';
import { image as imageKind } from '../api/resources/image';
import { region as regionKind } from '../api/resources/region';
import { type DatabasePlan, type DropletPlan, databasePlanProblems, dropletMonthlyPrice, dropletPlanProblems, imageNamed } from '../model/createPlans';
import { inert } from './data';
import { type Tools, abortOn, answer, why } from './readTools';
import { type AgentServices, accountsFor, listOf } from './resourceFinder';

/** What each kind's spec may hold: anything else is refused (an agent adds no user data, keys or hooks the user did not see listed). */
const FIELDS = {
  droplet: {
    required: ['name', 'region', 'size', 'image'],
    optional: ['backups', 'monitoring', 'ipv6', 'tags', 'vpc_uuid', 'ssh_keys'],
  },
  database_cluster: {
    required: ['name', 'engine', 'version', 'region', 'size', 'num_nodes'],
    optional: ['storage_size_mib', 'tags', 'private_network_uuid'],
  },
} as const;

type CreateKind = 'droplet' | 'database_cluster' | 'app';
const KINDS: CreateKind[] = ['droplet', 'database_cluster', 'app'];

interface Creation {
  account: AccountInfo;
  kind: CreateKind;
  name: string;
  title: string;
  question: string;
  effect: string[];
  send(signal: AbortSignal): Promise<{ id: string; state?: string }>;
}

const usd = (n: number) => `$${(Math.round(n * 100) / 100).toFixed(2)}`;

/** A refusal that lists every problem, before anything is sent. */
function refuse(kind: string, problems: string[]): never {
  throw new Error(`The ${kind} spec was not sent: ${problems.map((p) => inert(p)).join(' ')}`);
}

/** The optional fields given, as the user reads them in the question. */
function extras(kind: keyof typeof FIELDS, spec: Record<string, unknown>): string[] {
  const given = FIELDS[kind].optional.filter((f) => spec[f] !== undefined);
  return given.length ? [vscode.l10n.t('Also: {0}.', given.map((f) => `${f} ${inert(JSON.stringify(spec[f]))}`).join('; '))] : [];
}

function fieldProblems(kind: keyof typeof FIELDS, spec: Record<string, unknown>): string[] {
  const { required, optional } = FIELDS[kind];
  const allowed = new Set<string>([...required, ...optional]);
  return [
    ...required.filter((f) => spec[f] === undefined || spec[f] === '').map((f) => `${f}: required.`),
    ...Object.keys(spec)
      .filter((f) => !allowed.has(f))
      .map((f) => `${inert(f)}: not a field this tool sends (it sends ${[...allowed].join(', ')}).`),
  ];
}

export function createTools(services: AgentServices): Tools {
  const { model } = services;

  async function plan(input: { kind: string; spec: unknown; account?: string }, signal: AbortSignal): Promise<Creation> {
    const kind = input.kind as CreateKind;
    if (!KINDS.includes(kind)) throw new Error(`No kind "${inert(String(input.kind))}" to create: one of ${KINDS.join(', ')}.`);
    const spec = input.spec;
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new Error('Give spec as an object of fields.');
    const fields = spec as Record<string, unknown>;
    const accounts = accountsFor(services, input.account);
    if (accounts.length !== 1) throw new Error(`Name the account to create in: ${accounts.map((a) => a.label).join(', ') || 'none has a token'}.`);
    const account = accounts[0];
    const client = model.client(account);
    const question = (what: string) => vscode.l10n.t('Create {0} in the account {1}?', what, account.label);

    if (kind === 'droplet') {
      const problems = fieldProblems(kind, fields);
      if (problems.length) refuse(kind, problems);
      const [regions, sizes, distributions, custom] = await Promise.all([
        listOf(services, account, regionKind),
        listOf(services, account, dropletSize),
        listOf(services, account, imageKind, [], { type: 'distribution' }),
        listOf(services, account, imageKind, [], { private: true }).catch(() => []),
      ]);
      const images = [...distributions, ...custom];
      const p = fields as unknown as DropletPlan & Record<string, unknown>;
      const checked = dropletPlanProblems(p, { regions, sizes, images });
      if (checked.length) refuse(kind, checked);
      const price = dropletMonthlyPrice(p, sizes) ?? 0;
      const image = imageNamed(images, p.image)!;
      const name = String(p.name).trim();
      return {
        account,
        kind,
        name,
        title: vscode.l10n.t('Create droplet {0}', inert(name)),
        question: question(vscode.l10n.t('the droplet {0}', inert(name))),
        effect: [
          vscode.l10n.t(
            '{0} in {1}, image {2}{3}.',
            p.size,
            p.region,
            inert(`${image.distribution} ${image.name}`.trim()),
            p.backups ? vscode.l10n.t(', weekly backups') : '',
          ),
          ...extras(kind, fields),
          vscode.l10n.t('Estimated monthly cost: {0} a month, billed hourly from now until it is destroyed.', usd(price)),
        ],
        async send(signal) {
          const made = await createDroplet(client, { ...fields, name, image: image.slug ?? image.id }, signal);
          return { id: String(made.droplet.id), state: made.droplet.status };
        },
      };
    }

    if (kind === 'database_cluster') {
      const problems = fieldProblems(kind, fields);
      if (problems.length) refuse(kind, problems);
      const [options, clusters] = await Promise.all([databaseOptions(client, signal), listOf(services, account, databaseCluster)]);
      const p = { ...fields, num_nodes: Number(fields.num_nodes) } as unknown as DatabasePlan & Record<string, unknown>;
      const checked = databasePlanProblems(
        p,
        options,
        clusters.map((c: DatabaseCluster) => c.name),
      );
      if (checked.length) refuse(kind, checked);
      return {
        account,
        kind,
        name: p.name,
        title: vscode.l10n.t('Create database cluster {0}', inert(p.name)),
        question: question(vscode.l10n.t('the database cluster {0}', inert(p.name))),
        effect: [
          vscode.l10n.t(
            '{0} {1} in {2}: {3} node(s) of {4}{5}.',
            p.engine,
            p.version,
            p.region,
            p.num_nodes,
            p.size,
            p.storage_size_mib ? `, ${p.storage_size_mib / 1024} GiB` : '',
          ),
          ...extras(kind, fields),
          vscode.l10n.t('Billed hourly from now until it is destroyed; the API gives no price for it (see the control panel’s pricing).'),
          vscode.l10n.t('Until it has trusted sources, anyone with its password can connect from anywhere.'),
        ],
        async send(signal) {
          const made = await client.create<DatabaseCluster>(databaseCluster, p, { signal });
          return { id: made.id, state: made.status };
        },
      };
    }

    // an app: the spec as Deploy App from Spec checks it — the JSON Schema, then the API (propose), which also prices it
    const schemaProblems = (await services.checkSpec?.('app-spec', fields)) ?? [];
    if (schemaProblems.length) refuse(kind, schemaProblems);
    const proposal = await proposeAppSpec(client, fields, undefined, signal).catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 400 || error.status === 422)) refuse(kind, [why(error)]);
      throw error;
    });
    if (proposal.app_name_available === false) refuse(kind, [`name: the account has an app named ${String(fields.name)} already.`]);
    const name = String(fields.name);
    const components = ['services', 'static_sites', 'workers', 'jobs', 'functions']
      .flatMap((k) => ((fields[k] as { name?: string }[] | undefined) ?? []).map((c) => `${k.replace(/s$/, '').replace('_', ' ')} ${String(c.name)}`))
      .join(', ');
    return {
      account,
      kind,
      name,
      title: vscode.l10n.t('Create app {0}', inert(name)),
      question: question(vscode.l10n.t('the app {0}', inert(name))),
      effect: [
        vscode.l10n.t(
          '{0} in {1}; its first deployment starts at once.',
          inert(components) || vscode.l10n.t('no components'),
          inert(String(fields.region ?? 'the default region')),
        ),
        proposal.app_cost !== undefined
          ? vscode.l10n.t('Estimated monthly cost: {0} a month (DigitalOcean’s price for this spec).', usd(proposal.app_cost))
          : vscode.l10n.t('DigitalOcean gave no price for this spec.'),
      ],
      async send(signal) {
        const made = await createApp(client, fields, signal);
        return { id: made.id };
      },
    };
  }

  return {
    digitalocean_create: {
      purpose: 'create a droplet, a database cluster or an app from a spec, checked as the wizards check it (the user confirms, with the price)',
      tool: {
        async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<{ kind: string; spec: unknown; account?: string }>, token) {
          const abort = abortOn(token);
          try {
            const creation = await plan(options.input, abort.signal);
            const message = new vscode.MarkdownString();
            // shown to the user, not the model: names as text (a name cannot add markup)
            message.appendText([creation.question, ...creation.effect].join('\n\n'));
            return { invocationMessage: creation.title, confirmationMessages: { title: `${creation.title}?`, message } };
          } finally {
            abort.dispose();
          }
        },
        async invoke(options: vscode.LanguageModelToolInvocationOptions<{ kind: string; spec: unknown; account?: string }>, token) {
          const abort = abortOn(token);
          try {
            // checked again: a name may have been taken, a size sold out, while the user read the question
            const creation = await plan(options.input, abort.signal);
            const who = `[${creation.account.label}] ${creation.title} (asked by an agent)`;
            services.log.info(`${who}: started`);
            const made = await creation.send(abort.signal).catch((error: unknown) => {
              services.log.warn(`${who}: failed: ${why(error)}`);
              throw new Error(`${creation.title} failed: ${why(error)}`);
            });
            services.log.info(`${who}: created ${made.id}`);
            const kind = creation.kind === 'droplet' ? dropletKind.kind : creation.kind === 'app' ? appKind.kind : databaseCluster.kind;
            model.reloadKind(creation.account, kind);
            return answer({
              done: creation.title,
              account: creation.account.label,
              kind,
              id: made.id,
              name: creation.name,
              ...(made.state ? { state: made.state } : {}),
              next: 'It is being created; the view shows it. Ask digitalocean_describe_resource for its state.',
            });
          } finally {
            abort.dispose();
          }
        },
      },
    },
  };
}
