/**
 * Add Certificate: a wizard with Back — Let's Encrypt for names under the account's domains
 * (the domain, www, a wildcard, or a subdomain typed), or a custom one from PEM files the user
 * picks: the certificate (its names and expiry shown; an expired one refused), its private key
 * (checked to belong to it; never logged or shown), an optional chain — then name and summary.
 */
import * as vscode from 'vscode';
import { type Certificate, certificate as certificateKind } from '../../api/resources/certificate';
import { domain as domainKind } from '../../api/resources/domain';
import { keyProblem, readCertificate } from '../../credentials/pem';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { isHostname } from '../validators';
import { nameStep, summaryStep } from '../wizard/prompts';
import { create, notify, reveal, runCreateWizard } from '../wizard/create';

interface Plan {
  type: 'lets_encrypt' | 'custom';
  dnsNames: string[];
  /** The PEM texts (custom): held in memory only for the request. */
  certificate?: { file: string; pem: string; names: string[]; notAfter: Date; selfSigned: boolean };
  key?: { file: string; pem: string };
  chain?: { file: string; pem: string };
  name: string;
}

export function registerCertificateCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;

  async function readPem(uri: vscode.Uri): Promise<string> {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > 256 * 1024) throw new Error(vscode.l10n.t('{0} is larger than a PEM file should be (256 KB).', uri.fsPath));
    return new TextDecoder().decode(bytes);
  }

  return [
    registerCommand(deps, 'digitalocean.certificate.create', vscode.l10n.t('Add certificate'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Add a certificate to which account?'));
      const cache = model.cacheFor(account);
      const [certificates, domains] = await withProgress(vscode.l10n.t('Loading certificates and domains…'), () =>
        Promise.all([cache.list(certificateKind), cache.list(domainKind).catch(() => [])]),
      );
      const taken = certificates.map((c) => c.name);
      const title = vscode.l10n.t('Add certificate');
      const pemFilters = { [vscode.l10n.t('PEM files')]: ['pem', 'crt', 'cer', 'key'], [vscode.l10n.t('All files')]: ['*'] };
      const underDomains = (name: string) => domains.some((d) => name === d.name || name.endsWith(`.${d.name}`));

      return runCreateWizard<Plan, Certificate>(deps, {
        title,
        account,
        kind: certificateKind,
        plan: { type: domains.length ? 'lets_encrypt' : 'custom', dnsNames: [], name: '' },
        prompts: [
          async (p, s) => {
            p.type = (
              await input.quickPick(
                [
                  {
                    label: vscode.l10n.t("Let's Encrypt"),
                    description: domains.length
                      ? vscode.l10n.t('free, renewed by DigitalOcean, for names under your domains here')
                      : vscode.l10n.t('needs a domain managed in this account'),
                    type: 'lets_encrypt' as const,
                    picked: p.type === 'lets_encrypt',
                  },
                  {
                    label: vscode.l10n.t('Upload a certificate…'),
                    description: vscode.l10n.t('PEM files: certificate, private key, chain'),
                    type: 'custom' as const,
                    picked: p.type === 'custom',
                  },
                ],
                { title, ...s, placeHolder: vscode.l10n.t('Kind of certificate') },
              )
            ).type;
            if (p.type === 'lets_encrypt' && !domains.length)
              throw new Error(
                vscode.l10n.t("Let's Encrypt certificates are for domains managed in DigitalOcean, and {0} has none: add the domain first.", account.label),
              );
          },
          // Let's Encrypt: the names
          async (p, s) => {
            if (p.type !== 'lets_encrypt') return 'skipped';
            const suggested = domains.flatMap((d) => [d.name, `www.${d.name}`, `*.${d.name}`]);
            const typed = p.dnsNames.filter((n) => !suggested.includes(n));
            for (;;) {
              const picked = await input.quickPickMany(
                [
                  ...suggested.map((n) => ({
                    label: n,
                    description: n.startsWith('*.') ? vscode.l10n.t('every subdomain') : '',
                    picked: p.dnsNames.includes(n),
                  })),
                  {
                    label: vscode.l10n.t('Other names…'),
                    description: typed.join(', ') || vscode.l10n.t('subdomains, e.g. api.example.com'),
                    picked: typed.length > 0,
                  },
                ],
                { title, ...s, placeHolder: vscode.l10n.t('Names the certificate covers') },
              );
              p.dnsNames = picked.filter((x) => x.label !== vscode.l10n.t('Other names…')).map((x) => x.label);
              if (picked.some((x) => x.label === vscode.l10n.t('Other names…'))) {
                const text = await input.inputBox({
                  title,
                  ...s,
                  prompt: vscode.l10n.t('More names, separated by commas; each under {0}', domains.map((d) => d.name).join(' or ')),
                  value: typed.join(', '),
                  validateInput: (v) => {
                    const names = v
                      .split(',')
                      .map((x) => x.trim().toLowerCase())
                      .filter(Boolean);
                    if (!names.length) return vscode.l10n.t('At least one name.');
                    const bad = names.find((n) => !isHostname(n.replace(/^\*\./, '')));
                    if (bad) return vscode.l10n.t('{0} is not a host name.', bad);
                    const outside = names.find((n) => !underDomains(n.replace(/^\*\./, '')));
                    return outside
                      ? vscode.l10n.t("{0} is not under a domain of this account: Let's Encrypt is checked through its DNS here.", outside)
                      : undefined;
                  },
                });
                p.dnsNames.push(
                  ...text
                    .split(',')
                    .map((x) => x.trim().toLowerCase())
                    .filter((x) => x && !p.dnsNames.includes(x)),
                );
              }
              if (p.dnsNames.length) break;
              void input.notify('warning', vscode.l10n.t('Choose at least one name for the certificate.'));
            }
            if (!p.name) p.name = `le-${p.dnsNames[0].replace(/^\*\./, 'wildcard.').replace(/\./g, '-')}`.slice(0, 255);
          },
          // custom: the files
          async (p) => {
            if (p.type !== 'custom') return 'skipped';
            const [uri] = await input.openDialog({
              title: vscode.l10n.t('{0}: the certificate (PEM)', title),
              openLabel: vscode.l10n.t('Use Certificate'),
              canSelectMany: false,
              filters: pemFilters,
            });
            const pem = await readPem(uri);
            const facts = readCertificate(pem);
            if ('problem' in facts) throw new Error(`${uri.fsPath}: ${facts.problem}`);
            if (facts.notAfter.getTime() < Date.now())
              throw new Error(vscode.l10n.t('{0}: the certificate expired on {1}.', uri.fsPath, facts.notAfter.toISOString().slice(0, 10)));
            p.certificate = { file: uri.fsPath, pem, names: facts.names, notAfter: facts.notAfter, selfSigned: facts.selfSigned };
            if (!p.name)
              p.name =
                (facts.names[0] ?? 'custom')
                  .replace(/^\*\./, 'wildcard.')
                  .replace(/[^a-zA-Z0-9.-]/g, '-')
                  .replace(/^[^a-zA-Z0-9]+/, '')
                  .slice(0, 255) || 'custom';
          },
          async (p) => {
            if (p.type !== 'custom') return 'skipped';
            const [uri] = await input.openDialog({
              title: vscode.l10n.t('{0}: its private key (PEM, without a passphrase)', title),
              openLabel: vscode.l10n.t('Use Private Key'),
              canSelectMany: false,
              filters: pemFilters,
            });
            const pem = await readPem(uri);
            const problem = keyProblem(p.certificate!.pem, pem);
            if (problem) throw new Error(`${uri.fsPath}: ${problem}`);
            p.key = { file: uri.fsPath, pem };
          },
          async (p, s) => {
            if (p.type !== 'custom') return 'skipped';
            const choice = await input.quickPick(
              [
                {
                  label: vscode.l10n.t('No chain'),
                  description: p.certificate!.selfSigned
                    ? vscode.l10n.t('self-signed: nothing to chain to')
                    : vscode.l10n.t('when the certificate file includes its intermediates'),
                  chain: false,
                  picked: !p.chain,
                },
                {
                  label: vscode.l10n.t('Choose the chain file…'),
                  description: p.chain?.file ?? vscode.l10n.t('the intermediate certificates, PEM'),
                  chain: true,
                  picked: Boolean(p.chain),
                },
              ],
              { title, ...s, placeHolder: vscode.l10n.t('Certificate chain') },
            );
            if (!choice.chain) {
              p.chain = undefined;
              return;
            }
            const [uri] = await input.openDialog({
              title: vscode.l10n.t('{0}: the chain (PEM)', title),
              openLabel: vscode.l10n.t('Use Chain'),
              canSelectMany: false,
              filters: pemFilters,
            });
            const pem = await readPem(uri);
            const facts = readCertificate(pem);
            if ('problem' in facts) throw new Error(`${uri.fsPath}: ${facts.problem}`);
            p.chain = { file: uri.fsPath, pem };
          },
          nameStep<Plan>(input, title, { kind: certificateKind, taken, prompt: vscode.l10n.t('Certificate name') }),
          summaryStep<Plan>(input, title, (p) =>
            p.type === 'lets_encrypt'
              ? {
                  label: vscode.l10n.t('Add {0}', p.name),
                  description: vscode.l10n.t("Let's Encrypt · {0} · free", p.dnsNames.join(', ')),
                  detail: vscode.l10n.t('DigitalOcean proves the names through their DNS records and renews the certificate'),
                }
              : {
                  label: vscode.l10n.t('Add {0}', p.name),
                  description: vscode.l10n.t(
                    'custom · {0} · until {1}',
                    p.certificate!.names.join(', ') || vscode.l10n.t('no names'),
                    p.certificate!.notAfter.toISOString().slice(0, 10),
                  ),
                  detail: [p.certificate!.file, p.key!.file, p.chain?.file].filter(Boolean).join(' · '),
                },
          ),
        ],
        execute: [
          create({
            progress: (p) => vscode.l10n.t('Adding certificate {0}…', p.name),
            detail: (p) => (p.type === 'lets_encrypt' ? vscode.l10n.t("Let's Encrypt for {0}", p.dnsNames.join(', ')) : 'custom'),
            send: ({ plan }, signal) =>
              cache.client.create<Certificate>(
                certificateKind,
                plan.type === 'lets_encrypt'
                  ? { name: plan.name, type: 'lets_encrypt', dns_names: plan.dnsNames }
                  : {
                      name: plan.name,
                      type: 'custom',
                      leaf_certificate: plan.certificate!.pem,
                      private_key: plan.key!.pem,
                      ...(plan.chain ? { certificate_chain: plan.chain.pem } : {}),
                    },
                { signal },
              ),
          }),
          reveal(),
          notify(({ plan, created }) => ({
            message:
              plan.type === 'lets_encrypt'
                ? vscode.l10n.t("{0} is being issued; it shows as verified when Let's Encrypt is done (usually a minute).", created!.name)
                : vscode.l10n.t('Added {0}: load balancers and CDN endpoints can use it now.', created!.name),
          })),
        ],
      });
    }),
  ];
}
