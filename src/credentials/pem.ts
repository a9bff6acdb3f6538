/**
 * Certificates the user uploads (Add Certificate, custom): what a PEM certificate says (names,
 * validity) and whether a private key belongs to it, read with Node's crypto before anything is
 * sent. The key's text is only passed through: never logged, never put in an error message.
 */
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import * as l10n from '@vscode/l10n';

export interface CertificateFacts {
  subject: string;
  /** DNS names of the subjectAltName, or the subject's CN when there are none. */
  names: string[];
  notBefore: Date;
  notAfter: Date;
  issuer: string;
  selfSigned: boolean;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** The first certificate of a PEM text, or why it is not one. */
export function readCertificate(pem: string): CertificateFacts | { problem: string } {
  const block = PEM_CERT.exec(pem)?.[0];
  if (!block) return { problem: l10n.t('It holds no PEM certificate (-----BEGIN CERTIFICATE-----).') };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(block);
  } catch {
    return { problem: l10n.t('Its certificate could not be read (a damaged PEM block?).') };
  }
  const san = (cert.subjectAltName ?? '')
    .split(/,\s*/)
    .filter((x) => x.startsWith('DNS:'))
    .map((x) => x.slice(4));
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    names: san.length ? san : cn ? [cn] : [],
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    issuer: cert.issuer.replace(/\n/g, ', '),
    selfSigned: cert.issuer === cert.subject,
  };
}

/** Why `keyPem` is not the private key of the certificate in `certPem` (undefined: it is). */
export function keyProblem(certPem: string, keyPem: string): string | undefined {
  if (!/-----BEGIN (?:RSA |EC )?PRIVATE KEY-----/.test(keyPem)) {
    return /ENCRYPTED PRIVATE KEY/.test(keyPem)
      ? l10n.t('The private key is encrypted: DigitalOcean needs it without a passphrase.')
      : l10n.t('It holds no PEM private key (-----BEGIN PRIVATE KEY-----).');
  }
  const block = PEM_CERT.exec(certPem)?.[0];
  if (!block) return l10n.t('The certificate could not be read.');
  try {
    const key = createPrivateKey(keyPem);
    const fromKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
    const fromCert = new X509Certificate(block).publicKey.export({ type: 'spki', format: 'der' });
    return fromKey.equals(fromCert) ? undefined : l10n.t('This private key does not belong to the certificate.');
  } catch {
    return l10n.t('The private key could not be read.');
  }
}
