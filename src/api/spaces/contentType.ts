/**
 * The Content-Type an object gets from its name (mrmime's table): browsers use it when it is
 * shared. A module of its own so that the table loads with the Spaces client, not at start.
 */
import { lookup } from 'mrmime';

export function contentTypeOf(key: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(key)?.[1]?.toLowerCase();
  return (ext && lookup(ext)) || 'application/octet-stream';
}
