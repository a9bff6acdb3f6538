/**
 * The file systems the commands provide, registered at activation and loaded on first use
 * (src/ui/lazyFileSystem.ts): Spaces objects (`digitalocean-spaces:`) and resources edited as
 * documents (`digitalocean:`), each with the command family that provides it.
 */
import { SPACES_SCHEME } from '../model/spaces';

export const DOCUMENT_SCHEME = 'digitalocean';

export const LAZY_FILE_SYSTEMS: readonly { scheme: string; family: string }[] = [
  { scheme: SPACES_SCHEME, family: 'spaces' },
  { scheme: DOCUMENT_SCHEME, family: 'resourceDocuments' },
];
