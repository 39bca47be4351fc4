// Reads an object record back from disk in any format this emulator has written, so a data directory made before
// multipart objects became segment lists still loads: a version 1 record (one `dataFile`) is the same object with a
// single segment. It is upgraded in memory only; the next write of that key stores the current format.
import {
  legacyObjectRecordSchema,
  OBJECT_RECORD_VERSION,
  objectRecordSchema,
  type ObjectRecord,
} from './store-records';

/** The record in the current format, or undefined when `value` is no valid object record of any version. */
export function parseObjectRecord(value: unknown): ObjectRecord | undefined {
  const current = objectRecordSchema.safeParse(value);
  if (current.success) return current.data;
  const legacy = legacyObjectRecordSchema.safeParse(value);
  if (!legacy.success) return undefined;
  const { dataFile, ...meta } = legacy.data;
  return { version: OBJECT_RECORD_VERSION, ...meta, segments: [{ file: dataFile, size: meta.size }] };
}
