// Incomplete uploads this app did not start ("foreign"), made straight through the product's OSS client:
// InitiateMultipartUpload plus one small part each, a bounded number at a time.
import type { OssClient } from '../../main/oss/oss-client';

/** One upload made. */
export interface ForeignUpload {
  readonly key: string;
  readonly uploadId: string;
}

/** Runs `task` over `items`, `concurrency` at a time, keeping the input order in the result. */
export async function mapConcurrently<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index] as T; // index < items.length
      results[index] = await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Initiates an upload of each key and stores `partBytes` bytes as its part 1 (0: no part). */
export function createForeignUploads(client: OssClient, bucket: string, keys: readonly string[], partBytes = 1024, concurrency = 16): Promise<ForeignUpload[]> {
  return mapConcurrently(keys, concurrency, async (key) => {
    const { uploadId } = await client.initiateMultipartUpload({ bucket, key });
    if (partBytes > 0) {
      const body = Buffer.alloc(partBytes, key.length % 251);
      await client.uploadPart({ bucket, key, uploadId, partNumber: 1, body, contentLength: body.length });
    }
    return { key, uploadId };
  });
}
