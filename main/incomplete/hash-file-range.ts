// Hashes a byte range of the local file without sending it (issue 4 item 5: "read locally, do not send"), to
// compare with what the server holds for that part.
import { addAbortSignal } from 'node:stream';
import { fileRangeStream } from '../oss/body-source';
import { createPartHasher, type PartHashes } from '../oss/part-hasher';

/** MD5 and CRC-64 of `[offset, offset + size)` of `path`; rejects with SourceChanged if the file is shorter. */
export async function hashFileRange(path: string, offset: number, size: number, signal?: AbortSignal): Promise<PartHashes> {
  const hasher = createPartHasher();
  const stream = fileRangeStream(path, offset, size);
  if (signal !== undefined) addAbortSignal(signal, stream);
  for await (const chunk of stream) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('file stream yielded a non-binary chunk');
    hasher.update(chunk);
  }
  return hasher.digest();
}
