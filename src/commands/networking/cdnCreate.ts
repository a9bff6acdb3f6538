/**
 * Create CDN Endpoint: a wizard with Back — the origin Space (a bucket of the account, listed when
 * it has a Spaces key, or its address typed), the edge cache TTL, an optional custom subdomain of
 * one of the account's domains with a certificate that covers it (one of the account's, or a
 * Let's Encrypt certificate issued first), summary — then the endpoint selected in the view.
 */
import type * as vscode from 'vscode';
import { type Certificate, certificate as certificateKind } from '../../api/resources/certificate';
import { type CdnEndpoint, cdnEndpoint } from '../../api/resources/cdnEndpoint';
import { domain as domainKind } from '../../api/resources/domain';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { isHostname } from '../validators';
import { summaryStep } from '../wizard/prompts';
import { create, notify, PRIORITY, reveal, runCreateWizard, untilUsable } from '../wizard/create';
import * as l10n from '@vscode/l10n';

const TTLS = [
  { seconds: 60, label: '1 minute' },
  { seconds: 600, label: '10 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86400, label: '1 day' },
  { seconds: 604800, label: '1 week' },
];

/** A Space's address: <bucket>.<region>.digitaloceanspaces.com. */
export function spacesOriginProblem(value: string): string | undefined {
  return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\.[a-z]{3}\d\.digitaloceanspaces\.com$/.test(value.trim())
    ? undefined
    : "A Space's address: <bucket>.<region>.digitaloceanspaces.com, e.g. assets.nyc3.digitaloceanspaces.com.";
}

/** Whether a certificate covers a host name (exactly, or by a wildcard one level up). */
export function covers(cert: Pick<Certificate, 'dns_names'>, host: string): boolean {
  return cert.dns_names.some((n) => n === host || (n.startsWith('*.') && host.split('.').slice(1).join('.') === n.slice(2)));
}

interface Plan {
  origin: string;
  ttl: number;
  domain?: string;
  /** The full custom host name, e.g. static.example.com. */
  host?: string;
  /** A certificate's id, or 'lets_encrypt' to issue one first. */
  certificate?: string;
}

export function registerCdnCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, spaces } = deps;
  return [
    registerCommand(deps, 'digitalocean.cdn.create', l10n.t('Create CDN endpoint'), async (arg) => {
      const account = await accountTarget(deps, arg, l10n.t('Create a CDN endpoint in which account?'));
      const cache = model.cacheFor(account);
      const [endpoints, domains, certificates, buckets] = await withProgress(l10n.t('Loading CDN endpoints, domains, certificates and Spaces…'), () =>
        Promise.all([
          cache.list(cdnEndpoint),
          cache.list(domainKind).catch(() => []),
          cache.list(certificateKind).catch(() => [] as Certificate[]),
          // the buckets when the account has a Spaces key; without one the address is typed
          spaces
            .hasKey(account)
            .then(
              (has) => (has ? spaces.buckets(account).then((l) => l.buckets) : []),
              () => [],
            )
            .catch(() => []),
        ]),
      );
      const used = new Set(endpoints.map((e) => e.origin));
      const title = l10n.t('Create CDN endpoint');
      let certificateId: string | undefined;
      return runCreateWizard<Plan, CdnEndpoint>(deps, {
        title,
        account,
        kind: cdnEndpoint,
        name: (p) => p.origin.split('.')[0],
        plan: { origin: '', ttl: 3600 },
        prompts: [
          async (p, s) => {
            const listed = buckets.map((b) => `${b.name}.${b.region}.digitaloceanspaces.com`);
            const typed = p.origin && !listed.includes(p.origin) ? p.origin : '';
            const picked = await input.quickPick(
              [
                ...listed.map((origin) => ({
                  label: origin.split('.')[0],
                  description: `${origin}${used.has(origin) ? l10n.t(' · has an endpoint already') : ''}`,
                  origin,
                  picked: origin === p.origin,
                })),
                {
                  label: l10n.t('Type the Space’s address…'),
                  description:
                    typed || (buckets.length ? l10n.t('another Space') : 'no Spaces listed (no Spaces key): <bucket>.<region>.digitaloceanspaces.com'),
                  origin: '',
                  picked: Boolean(typed),
                },
              ],
              { title, ...s, placeHolder: l10n.t('Origin: the Space whose files the CDN serves') },
            );
            p.origin =
              picked.origin ||
              (
                await input.inputBox({
                  title,
                  ...s,
                  prompt: l10n.t('The Space’s address'),
                  value: typed || '.nyc3.digitaloceanspaces.com',
                  validateInput: (v) => spacesOriginProblem(v) ?? (used.has(v.trim()) ? l10n.t('{0} has a CDN endpoint already.', v.trim()) : undefined),
                })
              ).trim();
            if (used.has(p.origin)) throw new Error(l10n.t('{0} has a CDN endpoint already.', p.origin));
          },
          async (p, s) => {
            p.ttl = (
              await input.quickPick(
                TTLS.map((t) => ({
                  label: t.label,
                  description: `${t.seconds} s${t.seconds === 3600 ? ' · default' : ''}`,
                  picked: t.seconds === p.ttl,
                  seconds: t.seconds,
                })),
                { title, ...s, placeHolder: l10n.t('How long the edge servers keep a file') },
              )
            ).seconds;
          },
          async (p, s) => {
            const picked = await input.quickPick(
              [
                {
                  label: l10n.t('No custom domain'),
                  description: l10n.t('served from {0}', p.origin.replace('.digitaloceanspaces.com', '.cdn.digitaloceanspaces.com')),
                  domain: undefined as string | undefined,
                  picked: !p.domain,
                },
                ...domains.map((d) => ({
                  label: l10n.t('A subdomain of {0}…', d.name),
                  description: l10n.t('with a certificate; its CNAME record is added for you'),
                  domain: d.name,
                  picked: p.domain === d.name,
                })),
              ],
              { title, ...s, placeHolder: l10n.t('Custom domain') },
            );
            p.domain = picked.domain;
            if (!p.domain) {
              p.host = p.certificate = undefined;
              return;
            }
            const domain = p.domain;
            const sub = (
              await input.inputBox({
                title,
                ...s,
                prompt: l10n.t('Subdomain of {0} (e.g. "static" for static.{1})', domain, domain),
                value: p.host?.endsWith(`.${domain}`) ? p.host.slice(0, -domain.length - 1) : 'static',
                validateInput: (v) =>
                  isHostname(`${v.trim()}.${domain}`) && v.trim() && !v.includes('*')
                    ? undefined
                    : l10n.t('Letters, digits and "-" in dot-separated parts, e.g. static or cdn.assets.'),
              })
            )
              .trim()
              .toLowerCase();
            p.host = `${sub}.${domain}`;
            const host = p.host;
            const fitting = certificates.filter((c) => c.state === 'verified' && covers(c, host));
            p.certificate = (
              await input.quickPick(
                [
                  ...fitting.map((c) => ({
                    label: c.name,
                    description: `${c.dns_names.join(', ')} · until ${c.not_after.slice(0, 10)}`,
                    id: c.id,
                    picked: c.id === p.certificate,
                  })),
                  {
                    label: l10n.t("Issue a Let's Encrypt certificate for {0}", host),
                    description: l10n.t('free; issued first, then the endpoint is made'),
                    id: 'lets_encrypt',
                    picked: p.certificate === 'lets_encrypt',
                  },
                ],
                { title, ...s, placeHolder: l10n.t('Certificate for {0}', host) },
              )
            ).id;
          },
          summaryStep<Plan>(input, title, (p) => ({
            label: l10n.t('Create the endpoint for {0}', p.origin.split('.')[0]),
            description: l10n.t(
              '{0} · cache {1} · no charge beyond Spaces bandwidth',
              String(p.host ?? p.origin.replace('.digitaloceanspaces.com', '.cdn.digitaloceanspaces.com')),
              String(TTLS.find((t) => t.seconds === p.ttl)?.label),
            ),
            detail:
              p.certificate === 'lets_encrypt'
                ? l10n.t("a Let's Encrypt certificate for {0} is issued first", String(p.host))
                : p.certificate
                  ? `certificate ${certificates.find((c) => c.id === p.certificate)?.name}`
                  : undefined,
          })),
        ],
        execute: [
          {
            // a new Let's Encrypt certificate first: the endpoint needs it verified
            priority: PRIORITY.create - 1,
            async run({ plan }) {
              certificateId = plan.certificate;
              if (certificateId !== 'lets_encrypt') return;
              const name = `le-${plan.host!.replace(/\./g, '-')}`.slice(0, 255);
              const issued = await withProgress(l10n.t("Issuing a Let's Encrypt certificate for {0}…", String(plan.host)), (signal) =>
                cache.client.create<Certificate>(certificateKind, { name, type: 'lets_encrypt', dns_names: [plan.host] }, { signal }),
              );
              model.reloadKind(account, certificateKind.kind, false);
              const verified = await untilUsable(deps, account, {
                title: l10n.t("Issuing a Let's Encrypt certificate for {0}: waiting for it to be verified…", String(plan.host)),
                name: l10n.t('The certificate {0} (the CDN endpoint is not made yet: run Create CDN Endpoint again and pick it)', name),
                wait: (signal) =>
                  cache.client.waitForReady(
                    certificateKind,
                    issued.id,
                    (c) => (c.state === 'verified' ? 'ready' : c.state === 'error' ? { failed: l10n.t("Let's Encrypt could not verify the name") } : 'pending'),
                    { signal, what: l10n.t('The certificate {0}', name) },
                  ),
              });
              if (!verified) return 'stop';
              certificateId = verified.id;
            },
          },
          create({
            progress: (p) => l10n.t('Creating the CDN endpoint for {0}…', p.origin),
            detail: (p) => `${p.origin}${p.host ? ` at ${p.host}` : ''}`,
            send: ({ plan }, signal) =>
              cache.client.create<CdnEndpoint>(
                cdnEndpoint,
                { origin: plan.origin, ttl: plan.ttl, ...(plan.host ? { custom_domain: plan.host, certificate_id: certificateId } : {}) },
                { signal },
              ),
          }),
          reveal(),
          notify(({ plan, created }) => ({
            message: l10n.t('The CDN serves {0} at {1}.', plan.origin.split('.')[0], `https://${plan.host ?? created!.endpoint}/`),
          })),
        ],
      });
    }),
  ];
}
