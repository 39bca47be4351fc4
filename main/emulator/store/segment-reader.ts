// Streams a byte range of an object stored as ordered segment files, opening each segment only when the range reaches
// it. It has the two methods the response writer calls on a file body (send-response.ts): createReadStream and close.
import { createReadStream } from 'node:fs';
import { segmentSlices } from './segment-slices';

/** One segment on disk. */
export interface SegmentFile {
  readonly path: string;
  readonly size: number;
}

/** What `createReadStream` takes (the FileHandle option names, so the response writer can treat both alike). */
export interface SegmentReadOptions {
  /** First byte of the object, inclusive. */
  readonly start: number;
  /** Last byte of the object, inclusive. */
  readonly end: number;
  readonly highWaterMark: number;
}

/** Reads an object's segments as one byte sequence; `close` must be called once reading is over (or never began). */
export class SegmentReader {
  private closed = false;

  /** `onClose` runs once, on the first `close`. */
  constructor(
    private readonly segments: readonly SegmentFile[],
    private readonly onClose: () => Promise<void>,
  ) {}

  /** The object bytes `start..end`, in chunks of at most `highWaterMark` bytes. Iterate it once. */
  createReadStream(options: SegmentReadOptions): AsyncIterable<Buffer> {
    return readSlices(this.segments, options);
  }

  /** Ends this reader; the object's files may be removed from now on if it was replaced or deleted meanwhile. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.onClose();
  }
}

async function* readSlices(segments: readonly SegmentFile[], options: SegmentReadOptions): AsyncGenerator<Buffer> {
  for (const slice of segmentSlices(segments, options.start, options.end)) {
    // Breaking out of the consumer's loop returns this generator, which destroys (and so closes) the open stream.
    const stream = createReadStream(slice.segment.path, { start: slice.start, end: slice.end, highWaterMark: options.highWaterMark });
    let bytes = 0;
    for await (const chunk of stream) {
      if (!(chunk instanceof Buffer)) throw new TypeError('segment chunk is not a Buffer');
      bytes += chunk.length;
      yield chunk;
    }
    // A file shorter than its record says would otherwise end the body early behind a longer Content-Length.
    if (bytes !== slice.end - slice.start + 1) throw new Error(`segment ${slice.segment.path} is shorter than recorded`);
  }
}
