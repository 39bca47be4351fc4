// The Range header of GetObject. OSS serves one range; a malformed, multi-range or unsatisfiable Range returns the
// whole object with 200, unless `x-oss-range-behavior: standard` asks for 416 on an unsatisfiable one
// [doc GetObject: "If the value of Range is invalid, the entire object is returned"].
import { ossErrors } from '../emulator-error';

/** An inclusive byte range within the object. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/** The range to serve, or undefined for the whole object. Throws InvalidRange (416) only in standard mode. */
export function resolveByteRange(header: string | undefined, size: number, standard: boolean): ByteRange | undefined {
  if (header === undefined) return undefined;
  const m = SINGLE_RANGE.exec(header.trim());
  if (m === null) return undefined;
  const [, first = '', last = ''] = m;
  let range: ByteRange | undefined;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    range = suffix > 0 && size > 0 ? { start: Math.max(0, size - suffix), end: size - 1 } : undefined;
  } else {
    const start = Number(first);
    const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
    if (last !== '' && Number(last) < start) return undefined;
    range = start < size ? { start, end } : undefined;
  }
  if (range === undefined && standard) throw ossErrors.invalidRange(header, size);
  return range;
}
