/**
 * Add Certificate: a wizard with Back — Let's Encrypt for names under the account's domains
 * (the domain, www, a wildcard, or a subdomain typed), or a custom one from PEM files the user
 * picks: the certificate (its names and expiry shown; an expired one refused), its private key
 * (checked to belong to it; never logged or shown), an optional chain — then name and summary.
 */
import * as vscode from 'vscode';
import { type Certificate, certificate as certificateKind } from '../api/resources/certificate';
import { domain as domainKind } from '../api/resources/domain';
import { keyProblem, readCertificate } from '../credentials/pem';
import { withProgress } from '../ui/progress';
import { runWizard } from '../ui/wizard';
import type { CommandDeps } from './deps';
import { accountTarget, revealResource } from './pick';
import { registerCommand } from './register';
import { isHostname } from './validators';
import { summaryStep } from './wizardSteps';

interface Plan {
  type: 'lets_encrypt' | 'custom';
  dnsNames: string[];
  /** The PEM texts (custom): held in memory only for the request. */
  certificate?: { file: string; pem: string; names: string[]; notAfter: Date; selfSigned: boolean };
  key?: { file: string; pem: string };
  chain?: { file: string; pem: string };
  name: string;
}

/** Certificate names: letters, digits, "-" and ".", at most 255. */
export function certificateNameProblem(value: string, taken: readonly string[]): string | undefined {
  if (!value) return 'A name is required.';
  if (value.length > 255) return 'At most 255 characters.';
  if (!/^[a-zA-Z0-9][a-zA-Z0-9.-]*$/.test(value)) return 'Letters, digits, "-" and ".", starting with a letter or digit.';
  return taken.includes(value) ? `A certificate named ${value} exists already.` : undefined;
}

export function registerCertificateCreateCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  async function readPem(uri: vscode.Uri): Promise<string> {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > 256 * 1024) throw new Error(`${uri.fsPath} is larger than a PEM file should be (256 KB).`);
    return new TextDecoder().decode(bytes);
  }

  return [
    registerCommand(deps, 'digitalocean.certificate.create', 'Add certificate', async (arg) => {
      const account = await accountTarget(deps, arg, 'Add a certificate to which account?');
      const cache = model.cacheFor(account);
      const [certificates, domains] = await withProgress('Loading certificates and domains…', () => Promise.all([cache.list(certificateKind), cache.list(domainKind).catch(() => [])]));
      const taken = certificates.map((c) => c.name);
      const title = 'Add certificate';
      const pemFilters = { 'PEM files': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] };
      const underDomains = (name: string) => domains.some((d) => name === d.name || name.endsWith(`.${d.name}`));

      const plan = await runWizard<Plan>({ type: domains.length ? 'lets_encrypt' : 'custom', dnsNames: [], name: '' }, [
        async (p, s) => {
          p.type = (
            await input.quickPick(
              [
                { label: "Let's Encrypt", description: domains.length ? 'free, renewed by DigitalOcean, for names under your domains here' : 'needs a domain managed in this account', type: 'lets_encrypt' as const, picked: p.type === 'lets_encrypt' },
                { label: 'Upload a certificate…', description: 'PEM files: certificate, private key, chain', type: 'custom' as const, picked: p.type === 'custom' },
              ],
              { title, ...s, placeHolder: 'Kind of certificate' },
            )
          ).type;
          if (p.type === 'lets_encrypt' && !domains.length) throw new Error(`Let's Encrypt certificates are for domains managed in DigitalOcean, and ${account.label} has none: add the domain first.`);
        },
        // Let's Encrypt: the names
        async (p, s) => {
          if (p.type !== 'lets_encrypt') return 'skipped';
          const suggested = domains.flatMap((d) => [d.name, `www.${d.name}`, `*.${d.name}`]);
          const typed = p.dnsNames.filter((n) => !suggested.includes(n));
          for (;;) {
            const picked = await input.quickPickMany(
              [
                ...suggested.map((n) => ({ label: n, description: n.startsWith('*.') ? 'every subdomain' : '', picked: p.dnsNames.includes(n) })),
                { label: 'Other names…', description: typed.join(', ') || 'subdomains, e.g. api.example.com', picked: typed.length > 0 },
              ],
              { title, ...s, placeHolder: 'Names the certificate covers' },
            );
            p.dnsNames = picked.filter((x) => x.label !== 'Other names…').map((x) => x.label);
            if (picked.some((x) => x.label === 'Other names…')) {
              const text = await input.inputBox({
                title,
                ...s,
                prompt: `More names, separated by commas; each under ${domains.map((d) => d.name).join(' or ')}`,
                value: typed.join(', '),
                validateInput: (v) => {
                  const names = v.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
                  if (!names.length) return 'At least one name.';
                  const bad = names.find((n) => !isHostname(n.replace(/^\*\./, '')));
                  if (bad) return `${bad} is not a host name.`;
                  const outside = names.find((n) => !underDomains(n.replace(/^\*\./, '')));
                  return outside ? `${outside} is not under a domain of this account: Let's Encrypt is checked through its DNS here.` : undefined;
                },
              });
              p.dnsNames.push(...text.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x && !p.dnsNames.includes(x)));
            }
            if (p.dnsNames.length) break;
            void input.notify('warning', 'Choose at least one name for the certificate.');
          }
          if (!p.name) p.name = `le-${p.dnsNames[0].replace(/^\*\./, 'wildcard.').replace(/\./g, '-')}`.slice(0, 255);
        },
        // custom: the files
        async (p) => {
          if (p.type !== 'custom') return 'skipped';
          const [uri] = await input.openDialog({ title: `${title}: the certificate (PEM)`, openLabel: 'Use Certificate', canSelectMany: false, filters: pemFilters });
          const pem = await readPem(uri);
          const facts = readCertificate(pem);
          if ('problem' in facts) throw new Error(`${uri.fsPath}: ${facts.problem}`);
          if (facts.notAfter.getTime() < Date.now()) throw new Error(`${uri.fsPath}: the certificate expired on ${facts.notAfter.toISOString().slice(0, 10)}.`);
          p.certificate = { file: uri.fsPath, pem, names: facts.names, notAfter: facts.notAfter, selfSigned: facts.selfSigned };
          if (!p.name) p.name = (facts.names[0] ?? 'custom').replace(/^\*\./, 'wildcard.').replace(/[^a-zA-Z0-9.-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '').slice(0, 255) || 'custom';
        },
        async (p) => {
          if (p.type !== 'custom') return 'skipped';
          const [uri] = await input.openDialog({ title: `${title}: its private key (PEM, without a passphrase)`, openLabel: 'Use Private Key', canSelectMany: false, filters: pemFilters });
          const pem = await readPem(uri);
          const problem = keyProblem(p.certificate!.pem, pem);
          if (problem) throw new Error(`${uri.fsPath}: ${problem}`);
          p.key = { file: uri.fsPath, pem };
        },
        async (p, s) => {
          if (p.type !== 'custom') return 'skipped';
          const choice = await input.quickPick(
            [
              { label: 'No chain', description: p.certificate!.selfSigned ? 'self-signed: nothing to chain to' : 'when the certificate file includes its intermediates', chain: false, picked: !p.chain },
              { label: 'Choose the chain file…', description: p.chain?.file ?? 'the intermediate certificates, PEM', chain: true, picked: Boolean(p.chain) },
            ],
            { title, ...s, placeHolder: 'Certificate chain' },
          );
          if (!choice.chain) {
            p.chain = undefined;
            return;
          }
          const [uri] = await input.openDialog({ title: `${title}: the chain (PEM)`, openLabel: 'Use Chain', canSelectMany: false, filters: pemFilters });
          const pem = await readPem(uri);
          const facts = readCertificate(pem);
          if ('problem' in facts) throw new Error(`${uri.fsPath}: ${facts.problem}`);
          p.chain = { file: uri.fsPath, pem };
        },
        async (p, s) => {
          p.name = (await input.inputBox({ title, ...s, prompt: 'Certificate name', value: p.name, validateInput: (v) => certificateNameProblem(v.trim(), taken) })).trim();
        },
        summaryStep<Plan>(input, title, (p) =>
          p.type === 'lets_encrypt'
            ? { label: `Add ${p.name}`, description: `Let's Encrypt · ${p.dnsNames.join(', ')} · free`, detail: 'DigitalOcean proves the names through their DNS records and renews the certificate' }
            : { label: `Add ${p.name}`, description: `custom · ${p.certificate!.names.join(', ') || 'no names'} · until ${p.certificate!.notAfter.toISOString().slice(0, 10)}`, detail: [p.certificate!.file, p.key!.file, p.chain?.file].filter(Boolean).join(' · ') },
        ),
      ]);

      const body =
        plan.type === 'lets_encrypt'
          ? { name: plan.name, type: 'lets_encrypt', dns_names: plan.dnsNames }
          : { name: plan.name, type: 'custom', leaf_certificate: plan.certificate!.pem, private_key: plan.key!.pem, ...(plan.chain ? { certificate_chain: plan.chain.pem } : {}) };
      const created = await withProgress(`Adding certificate ${plan.name}…`, (signal) => cache.client.create<Certificate>(certificateKind, body, { signal }));
      log.info(`[${account.label}] Certificate ${created.name} added (${plan.type === 'lets_encrypt' ? `Let's Encrypt for ${plan.dnsNames.join(', ')}` : 'custom'})`);
      model.reloadKind(account, certificateKind.kind, false);
      await revealResource(deps, account, certificateKind, created.id);
      void input.notify('info', plan.type === 'lets_encrypt' ? `${created.name} is being issued; it shows as verified when Let's Encrypt is done (usually a minute).` : `Added ${created.name}: load balancers and CDN endpoints can use it now.`);
      return created;
    }),
  ];
}
