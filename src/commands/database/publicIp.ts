import * as l10n from '@vscode/l10n';
/**
 * Looks up this machine's public IP address at a "what is my IP" service. Called only after the
 * user agreed (the service sees their address); the answer must be an IPv4 address.
 */
export async function lookUpPublicIp(url: string, signal?: AbortSignal): Promise<string> {
  const parsed = new URL(url);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
    throw new Error(l10n.t('The public IP lookup must use https: {0}.', parsed.host));
  const timeout = AbortSignal.timeout(10_000);
  const response = await fetch(parsed, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, headers: { accept: 'text/plain' } }).catch(
    (error: unknown) => {
      throw new Error(
        l10n.t(
          'Could not reach {0} to look up your public IP: {1}. Type the address instead.',
          parsed.host,
          error instanceof Error ? error.message : String(error),
        ),
      );
    },
  );
  if (!response.ok) throw new Error(l10n.t('{0} answered {1} when asked for your public IP. Type the address instead.', parsed.host, response.status));
  const text = (await response.text()).trim();
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) throw new Error(l10n.t('{0} did not answer with an IPv4 address. Type the address instead.', parsed.host));
  return text;
}
