/**
 * DigitalOcean Spaces: what everything may use without loading the S3 client — the shapes of
 * buckets and objects, the regions and endpoints, and the rules for names. The client itself
 * (signing, XML) is spacesClient.ts, a separate bundle loaded when Spaces are first used.
 */
import { lookup } from 'mrmime';
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

/** Object keys in URL paths: each segment encoded, slashes kept. */
export function encodeKey(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
    .join('/');
}

/** The Content-Type an object gets from its name (mrmime's table): browsers use it when it is shared. */
export function contentTypeOf(key: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(key)?.[1]?.toLowerCase();
  return (ext && lookup(ext)) || 'application/octet-stream';
}
