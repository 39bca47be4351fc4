// TEST-ONLY: reads an uploaded object back through the product's client (GetObject) and compares it with its
// source file byte for byte.
import { readFile } from 'node:fs/promises';
import type { OssClient } from '../../oss/oss-client';

/** The whole object. */
export async function readObject(client: OssClient, bucket: string, key: string): Promise<Buffer> {
  const result = await client.getObject({ bucket, key });
  const chunks: Buffer[] = [];
  for await (const chunk of result.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** How an object compares with a file. */
export interface ObjectComparison {
  readonly equal: boolean;
  readonly objectBytes: number;
  readonly fileBytes: number;
  /** Offset of the first differing byte, or -1. */
  readonly firstDifference: number;
}

/** Compares the object with the file at `path` (whole contents, in memory: test files are small). */
export async function compareObjectWithFile(client: OssClient, bucket: string, key: string, path: string): Promise<ObjectComparison> {
  const [object, file] = await Promise.all([readObject(client, bucket, key), readFile(path)]);
  let firstDifference = -1;
  const common = Math.min(object.length, file.length);
  for (let i = 0; i < common; i += 1) {
    if (object[i] !== file[i]) {
      firstDifference = i;
      break;
    }
  }
  if (firstDifference < 0 && object.length !== file.length) firstDifference = common;
  return { equal: firstDifference < 0, objectBytes: object.length, fileBytes: file.length, firstDifference };
}
