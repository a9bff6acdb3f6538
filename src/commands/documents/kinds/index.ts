/**
 * The kinds of resource opened as documents: one file per kind in this folder, found by shape
 * (see scripts/kindFiles.mjs), so that adding one is adding its file.
 */
import kindModules from 'kind-files:.';
import type { AnyDocumentKind } from './kind';

function isDocumentKind(value: unknown): value is AnyDocumentKind {
  const k = value as Partial<AnyDocumentKind> | undefined;
  return typeof k === 'object' && k !== null && typeof k.segment === 'string' && typeof k.suffix === 'string' && typeof k.save === 'function';
}

export const DOCUMENT_KINDS: readonly AnyDocumentKind[] = kindModules.flatMap((m) => Object.values(m).filter(isDocumentKind));

export type { AnyDocumentKind, DocumentKind } from './kind';
