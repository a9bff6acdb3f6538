/**
 * Uploading to Spaces: one PUT for small bodies, a multipart upload for large ones, with parts
 * sent in parallel, each retried on its own, and the upload aborted when it cannot finish (a
 * cancel, a part that keeps failing) so no parts are left behind to be billed.
 * The body comes from a reader (a file on disk, bytes in memory), so nothing here needs Node.
 */
import { ApiError } from '../errors';
import type { SpacesClient } from './spacesClient';
import * as l10n from '@vscode/l10n';

export interface UploadSource {
  readonly size: number;
  /** Bytes [offset, offset + length). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface UploadOptions {
  region: string;
  bucket: string;
  key: string;
  contentType?: string;
  signal?: AbortSignal;
  /** Bytes sent so far (of parts that were accepted). */
  onProgress?: (sent: number, total: number) => void;
  /** A part failed and will be tried again. */
  onRetry?: (partNumber: number, attempt: number, error: unknown) => void;
  /** From this size on, a multipart upload (default 16 MiB). */
  multipartThreshold?: number;
  /** Part size (default 8 MiB; S3 refuses parts under 5 MiB but the last: tests only go lower). */
  partSize?: number;
  /** Parts in flight at once (default 4). */
  concurrency?: number;
  /** Attempts per part (default 4). */
  attempts?: number;
  /** Back-off before the n-th retry of a part: base × 2^(n−1) ms (default 250). */
  retryBaseMs?: number;
}

export interface UploadResult {
  etag: string;
  parts: number;
  retries: number;
}

export const MIB = 1024 * 1024;

export function memorySource(bytes: Uint8Array): UploadSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

export async function uploadObject(client: SpacesClient, source: UploadSource, options: UploadOptions): Promise<UploadResult> {
  const { region, bucket, key, signal } = options;
  const threshold = options.multipartThreshold ?? 16 * MIB;
  if (source.size < threshold) {
    const etag = await client.put(region, bucket, key, await source.read(0, source.size), { contentType: options.contentType, signal });
    options.onProgress?.(source.size, source.size);
    return { etag, parts: 1, retries: 0 };
  }
  const partSize = options.partSize ?? 8 * MIB;
  const count = Math.ceil(source.size / partSize);
  if (count > 10_000) throw new Error(l10n.t('{0} is too large for {1} MiB parts (S3 takes at most 10,000).', key, partSize / MIB));
  if (signal?.aborted) throw new ApiError({ kind: 'cancelled', message: l10n.t('Cancelled.') });
  // Not under the caller's signal either: a cancel that cut the request off after the server took
  // it would leave an upload whose id we never learnt, so nobody could abort it. A cancel during
  // this one short request waits for its answer, and the upload is then aborted below.
  const uploadId = await client.createMultipart(region, bucket, key, options.contentType);
  const attempts = options.attempts ?? 4;
  const etags: string[] = new Array(count);
  let sent = 0;
  let retries = 0;
  let next = 0;
  // One failure stops the others: they see `failed` and take no new part.
  let failed: unknown;
  // A part already on its way is let finish even when the upload is cancelled: cut off, the
  // server may still store it after our abort (and S3 bills such parts). Cancelling stops new
  // parts and retries; the abort follows once every part in flight has settled.
  const worker = async () => {
    while (failed === undefined && next < count && !signal?.aborted) {
      const index = next++;
      const offset = index * partSize;
      const length = Math.min(partSize, source.size - offset);
      const body = await source.read(offset, length);
      for (let attempt = 1; ; attempt++) {
        try {
          etags[index] = await client.uploadPart(region, bucket, key, uploadId, index + 1, body);
          break;
        } catch (error) {
          const retryable = !(error instanceof ApiError) || !['cancelled', 'unauthorized', 'forbidden', 'not_found', 'validation'].includes(error.kind);
          if (!retryable || attempt >= attempts || signal?.aborted || failed !== undefined) throw error;
          retries++;
          options.onRetry?.(index + 1, attempt, error);
          await sleep((options.retryBaseMs ?? 250) * 2 ** (attempt - 1), signal);
        }
      }
      sent += length;
      options.onProgress?.(sent, source.size);
    }
  };
  try {
    const workers = Array.from({ length: Math.min(options.concurrency ?? 4, count) }, () =>
      worker().catch((error: unknown) => {
        failed ??= error;
      }),
    );
    await Promise.all(workers);
    if (failed !== undefined) throw failed;
    if (signal?.aborted) throw new ApiError({ kind: 'cancelled', message: l10n.t('Cancelled.') });
    const etag = await client.completeMultipart(
      region,
      bucket,
      key,
      uploadId,
      etags.map((e, i) => ({ partNumber: i + 1, etag: e })),
      signal,
    );
    return { etag, parts: count, retries };
  } catch (error) {
    // Not under the caller's signal: a cancelled upload must still be aborted. Every worker has
    // settled by now (Promise.all above), so no part of ours is still being sent; the upload is
    // then listed to confirm no part stayed, and aborted again while one has.
    await abortCompletely(client, region, bucket, key, uploadId).catch((abortError: unknown) => {
      throw new ApiError({
        kind: 'server',
        message: l10n.t(
          "The upload of {0} failed ({1}), and its parts could not be removed ({2}): abort upload {3} from the bucket's incomplete uploads.",
          key,
          error instanceof Error ? error.message : String(error),
          abortError instanceof Error ? abortError.message : String(abortError),
          uploadId,
        ),
      });
    });
    throw error;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Aborts an upload, then lists it: while parts that landed late are still there, aborts again. */
async function abortCompletely(client: SpacesClient, region: string, bucket: string, key: string, uploadId: string): Promise<void> {
  for (let round = 1; ; round++) {
    await client.abortMultipart(region, bucket, key, uploadId);
    const left = await client.uploadedParts(region, bucket, key, uploadId);
    if (!left?.length) return;
    if (round >= 3) throw new Error(l10n.t('{0} parts were still there after {1} aborts', left.length, round));
    await sleep(250 * round);
  }
}
