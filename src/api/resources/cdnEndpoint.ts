import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface CdnEndpoint {
  id: string;
  origin: string;
  endpoint: string;
  ttl: number;
  certificate_id?: string;
  custom_domain?: string;
  created_at: string;
}

/** The cache lifetimes the API takes, in seconds. */
export const CDN_TTLS = [60, 600, 3600, 86400, 604800] as const;

/**
 * The paths to purge, from what was typed: separated by commas or spaces, each relative to the
 * origin ("css/*", "img/logo.png"; a leading "/" is dropped), with "*" for a folder's or the
 * whole cache. A reason when a path is not one (a URL, a query string, empty).
 */
export function purgePaths(value: string): { paths: string[]; problem?: string } {
  const paths = [
    ...new Set(
      value
        .split(/[\s,]+/)
        .map((p) => p.replace(/^\/+/, ''))
        .filter(Boolean),
    ),
  ];
  if (!paths.length) return { paths, problem: l10n.t('Type at least one path, like css/* or img/logo.png.') };
  for (const p of paths) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return { paths, problem: l10n.t('{0}: a path in the Space, not a URL.', p) };
    if (/[?#]/.test(p)) return { paths, problem: l10n.t('{0}: no query string or fragment; the cache is purged by path.', p) };
    if (p.length > 1024) return { paths, problem: l10n.t('A path has at most 1,024 characters.') };
  }
  if (paths.length > 100) return { paths, problem: l10n.t('At most 100 paths at once; use a folder with * instead.') };
  return { paths };
}

export const cdnEndpoint = defineKind<CdnEndpoint>({
  deletable: true,
  kind: 'cdn_endpoint',
  label: l10n.t('CDN endpoint'),
  pluralLabel: l10n.t('CDN endpoints'),
  path: '/v2/cdn/endpoints',
  collectionKey: 'endpoints',
  singleKey: 'endpoint',
  idOf: (c) => c.id,
  nameOf: (c) => c.endpoint,
  paginated: true,
});
