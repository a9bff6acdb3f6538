/**
 * DigitalOcean Spaces: what everything may use without loading the S3 client — the shapes of
 * buckets and objects, the regions and endpoints, and the rules for names. The client itself
 * (signing, XML) is spacesClient.ts, a separate bundle loaded when Spaces are first used.
 */
import * as l10n from '@vscode/l10n';

export interface SpacesCredentials {
  accessKey: string;
  secretKey: string;
}

export interface Bucket {
  name: string;
  region: string;
  created?: string;
}

export interface SpacesObject {
  key: string;
  size: number;
  lastModified: string;
  etag: string;
  storageClass?: string;
}

/** One page of a listing under a prefix: sub-prefixes ("folders") and objects. */
export interface ListingPage {
  prefixes: string[];
  objects: SpacesObject[];
  /** Present when there is more: pass it back for the next page. */
  nextToken?: string;
}

export interface ObjectHead {
  size: number;
  etag: string;
  lastModified: string;
  contentType?: string;
}

/** Spaces' public regions (they may grow: the setting `digitalocean.spaces.regions` adds more). */
export const SPACES_REGIONS = ['nyc3', 'sfo2', 'sfo3', 'ams3', 'sgp1', 'fra1', 'syd1', 'blr1', 'lon1', 'tor1', 'atl1'];

export const defaultEndpoint = (region: string): string => `https://${region}.digitaloceanspaces.com`;

/** S3's rules for a bucket name, as Spaces applies them; undefined when it is fine. */
export function bucketNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  const name = value.trim();
  if (!name) return l10n.t('A name is required.');
  if (name.length < 3 || name.length > 63) return l10n.t('Between 3 and 63 characters.');
  if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(name)) return 'Lower-case letters, digits and hyphens; starting and ending with a letter or digit.';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return l10n.t('A name cannot look like an IP address.');
  if (taken.includes(name)) return l10n.t('{0} is taken: bucket names are unique across all of Spaces.', name);
  return undefined;
}

/** What is wrong with an object key (or a folder name within one); undefined when it is fine. */
export function objectKeyProblem(value: string): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (new TextEncoder().encode(value).length > 1024) return l10n.t('At most 1,024 bytes.');
  if (value.split('/').some((part) => part === '.' || part === '..')) return l10n.t('"." and ".." cannot be parts of a name.');
  if (/[\u0000-\u001f\u007f]/.test(value)) return l10n.t('No control characters.');
  return undefined;
}

/** Object keys in URL paths: each segment encoded, slashes kept; `.` and `..` segments as `%2E`. */
export function encodeKey(key: string): string {
  return key
    .split('/')
    .map((part) =>
      part === '.' || part === '..'
        ? part.replace(/\./g, '%2E')
        : encodeURIComponent(part).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()),
    )
    .join('/');
}

/**
 * Why a key that arrived in a listing cannot be acted on, or undefined when it can. A key is
 * someone else's text (a shared bucket): one with a `.` or `..` part would be collapsed by URL
 * parsing — also as `%2E`, which the URL standard reads as a dot — so a request for
 * `x/../../other-bucket/secret` would act on another bucket. Such objects are listed, marked,
 * and never requested.
 */
export function unsafeKeyReason(key: string): string | undefined {
  if (key.split('/').some((part) => part === '.' || part === '..'))
    return l10n.t('its name has a "." or ".." part, which a URL would read as a step to another folder or bucket');
  return undefined;
}

/**
 * Why one part of a key cannot be shown as a file or folder name (the Spaces file system, a
 * folder downloaded to disk), or undefined when it can: empty, `.`/`..`, `\` (a path separator on
 * Windows), or a control character such as NUL.
 */
export function fileNameProblem(name: string): string | undefined {
  if (name === '') return l10n.t('an empty name (two "/" in a row)');
  if (name === '.' || name === '..') return l10n.t('"{0}" is a step in a path, not a name', name);
  if (name.includes('\\')) return l10n.t('"\\" separates folders on Windows');
  if (/[\u0000-\u001f\u007f]/.test(name)) return l10n.t('a control character');
  return undefined;
}

/** A name with its control characters and backslashes made visible, for labels of unsafe names. */
export function visibleName(name: string): string {
  return JSON.stringify(name).slice(1, -1) || '""';
}
