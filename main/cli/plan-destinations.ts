// Which object key each local file goes to (issue 3 item 10). Pure: the file system walk is in collect-local-files.
//   - A destination key ending in `/` (or empty: the bucket root) is a prefix: a file keeps its base name under it,
//     a directory keeps its own name and the relative path of every file in it (as `cp -r dir dest/` does), so two
//     directories given together cannot overwrite each other's files.
//   - Any other key names one object: it takes exactly one file; several files or a directory are a usage error
//     rather than a guess at what was meant.
import { isOssError } from '../oss/oss-error';
import { validateObjectKey } from '../oss/oss-names';
import { UsageError } from './usage-error';

/** One regular file to upload, as found on the command line or by walking a directory given there. */
export interface LocalSource {
  /** Absolute path. */
  readonly localPath: string;
  /** Key suffix under a prefix destination, `/`-separated: the base name, or `dir/sub/file` for walked files. */
  readonly relativeKey: string;
  /** True when found by walking a directory argument. */
  readonly fromDirectory: boolean;
}

/** An `oss://bucket/key` destination. */
export interface OssLocation {
  readonly bucket: string;
  /** '' for the bucket root. */
  readonly key: string;
}

/** One upload: a file and its object key. */
export interface PlannedUpload {
  readonly localPath: string;
  readonly bucket: string;
  readonly key: string;
}

/** Whether `key` names a prefix (a "folder") rather than one object. */
export function isPrefixKey(key: string): boolean {
  return key === '' || key.endsWith('/');
}

function checkedKey(key: string, localPath: string): string {
  try {
    validateObjectKey(key);
  } catch (error) {
    if (isOssError(error)) throw new UsageError(`Cannot upload ${localPath}: ${error.message}`);
    throw error;
  }
  return key;
}

/** Maps sources to object keys by the rules above; throws UsageError for a destination that cannot take them. */
export function planDestinations(sources: readonly LocalSource[], destination: OssLocation): PlannedUpload[] {
  if (sources.length === 0) throw new UsageError('No files to upload (the directories given are empty)');
  const { bucket, key } = destination;
  if (!isPrefixKey(key)) {
    const [only] = sources;
    if (sources.length === 1 && only !== undefined && !only.fromDirectory) {
      return [{ localPath: only.localPath, bucket, key: checkedKey(key, only.localPath) }];
    }
    const what = sources.some((source) => source.fromDirectory) ? 'A directory' : 'Several files';
    throw new UsageError(`${what} cannot go to the single object key "${key}": end the destination with "/" to use it as a prefix`);
  }
  const byKey = new Map<string, string>();
  return sources.map((source) => {
    const objectKey = checkedKey(`${key}${source.relativeKey}`, source.localPath);
    const earlier = byKey.get(objectKey);
    if (earlier !== undefined) {
      throw new UsageError(`${earlier} and ${source.localPath} would both be uploaded to oss://${bucket}/${objectKey}`);
    }
    byKey.set(objectKey, source.localPath);
    return { localPath: source.localPath, bucket, key: objectKey };
  });
}
