import * as l10n from '@vscode/l10n';
/**
 * IPv4 ranges in CIDR notation, as VPCs use them: parsing, the RFC 1918 private blocks, and
 * overlap. Pure functions (no vscode), shared by the wizard and the fake API.
 */

export interface Cidr {
  /** The network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
  /** "10.20.0.0/24", normalised. */
  text: string;
}

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

function toNumber(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function toText(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** A range's mask size in addresses. */
const sizeOf = (prefix: number) => 2 ** (32 - prefix);

/** "10.1.0.0/20" → its network and prefix; undefined when it is not one. `aligned` says whether host bits were 0. */
export function parseCidr(value: string): (Cidr & { aligned: boolean }) | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(value.trim());
  if (!m) return undefined;
  const address = toNumber(m[1]);
  const prefix = Number(m[2]);
  if (address === undefined || prefix > 32) return undefined;
  const size = sizeOf(prefix);
  const base = Math.floor(address / size) * size;
  return { base, prefix, text: `${toText(base)}/${prefix}`, aligned: base === address };
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + sizeOf(b.prefix) && b.base < a.base + sizeOf(a.prefix);
}

/** Whether `inner` lies wholly inside `outer`. */
export function within(inner: Cidr, outer: Cidr): boolean {
  return inner.base >= outer.base && inner.base + sizeOf(inner.prefix) <= outer.base + sizeOf(outer.prefix);
}

/**
 * What is wrong with a VPC's IP range (undefined when it is fine): CIDR syntax, the network
 * address itself, inside RFC 1918's private blocks, from /16 to /28, and not overlapping the
 * account's other VPCs (`taken`: their ranges with their names).
 */
export function vpcRangeProblem(value: string, taken: readonly { name: string; ip_range: string }[] = []): string | undefined {
  const range = parseCidr(value);
  if (!range) return l10n.t('A range in CIDR notation, e.g. 10.20.0.0/24.');
  if (!range.aligned) return l10n.t('Not a network address: did you mean {0}?', range.text);
  if (range.prefix < 16 || range.prefix > 28) return l10n.t('From /16 (65,536 addresses) to /28 (16 addresses).');
  if (!PRIVATE.some((p) => within(range, parseCidr(p)!))) return l10n.t('A private range (RFC 1918): inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.');
  for (const other of taken) {
    const theirs = parseCidr(other.ip_range);
    if (theirs && overlaps(range, theirs)) return l10n.t('Overlaps {0} ({1}): VPC ranges in an account cannot overlap.', other.name, theirs.text);
  }
  return undefined;
}

/** The first free /20 in 10.0.0.0/8 after 10.100.0.0, as the API picks one when none is given. */
export function freeRange(taken: readonly string[], prefix = 20): string {
  const used = taken.map((t) => parseCidr(t)).filter((c): c is NonNullable<typeof c> => Boolean(c));
  for (let base = toNumber('10.100.0.0')!; base < toNumber('11.0.0.0')!; base += sizeOf(prefix)) {
    const candidate = { base, prefix, text: `${toText(base)}/${prefix}` };
    if (!used.some((u) => overlaps(candidate, u))) return candidate.text;
  }
  throw new Error(l10n.t('no free range'));
}

/** A dotted-quad IPv4 address (no leading zeros). */
export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIpv6(value: string): boolean {
  if (!value.includes(':') || /[^0-9a-fA-F:.]/.test(value)) return false;
  try {
    new URL(`http://[${value}]/`);
    return true;
  } catch {
    return false;
  }
}

/** A trusted IP source: an IPv4 address or CIDR range (what the API accepts for `ip_addr`). */
export function trustedIpProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return l10n.t('An IP address or CIDR range is required.');
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(v);
  if (!m) return l10n.t('{0} is not an IPv4 address (203.0.113.7) or CIDR range (203.0.113.0/24).', v);
  if (m.slice(1, 5).some((o) => Number(o) > 255 || (o.length > 1 && o.startsWith('0')))) return l10n.t('{0}: each part is a number from 0 to 255.', v);
  if (m[5] !== undefined && Number(m[5]) > 32) return l10n.t('A CIDR prefix is at most /32.');
  return undefined;
}
