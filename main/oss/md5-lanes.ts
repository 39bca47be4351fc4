import { createHash } from 'node:crypto';
import { crc64, crc64OfRegister, crc64Register, updateCrc64Register } from './crc64';
import { createMd5LanesKernel, MD5_LANES, MD5_LANE_WINDOW_BYTES, type Md5LanesKernel } from './md5-lanes-wasm';
import { md5Padding } from './md5-padding';

// MD5 + CRC-64 streams that share the four-lane WebAssembly kernel (md5-lanes-wasm.ts): the engine hashes every part
// it has in flight, and four streams cost about what one costs in OpenSSL, so a stream queues its chunks and the pool
// hashes them in batches of up to four streams. The kernel computes each stream's CRC-64 in the same calls, over the
// same copies, so a stream yields both hashes the engine checks (`npm run bench:hash`, 256 KiB chunks, four streams:
// ~990 MiB/s for both against ~450 for node:crypto's MD5 plus crc64.ts fed the same way). The MD5 figures below
// were measured before the CRC rode along. `npm run bench:hash` on the 2-core dev VM (Node 20, four streams fed 256 KiB
// chunks in turn, as the engine feeds its parts in flight): ~1,250-1,350 MiB/s aggregate against ~620-630 MiB/s for
// node:crypto, i.e. ~2.0-2.2×, copies into segments included (~1,400-1,450 before the pool copied chunks); the
// kernel alone, without the copy into its memory, ~1,800 MiB/s. Fewer busy streams
// leave lanes idle: one stream ~0.7× node:crypto, two ~1.3×, three ~1.9× (eight: as four). The pool pays off only
// when at least two streams are usually busy.
//
// Scheduling. A stream queues bytes until it holds streamFlushBytes, or the pool holds poolFlushBytes across all
// streams; then batches run: the stream being served takes lane 0 for up to one window, and the three other streams
// with the most queued blocks ride along in the other lanes (a lane costs the same whether it works or idles).
// digest() runs batches for its stream (the others still ride along), then hashes the padding the same way.
// The thresholds decide how full the lanes are. In the engine, parts in flight do not take turns chunk by chunk:
// undici drains one socket for a while, then another, so one stream fills while the others wait. With thresholds of
// 512 KiB and 2 MiB, a 1 GiB upload (8 MiB parts, 4 in flight, loopback) ran its batches with 1.4-1.5 busy lanes on
// average: at ~0.55× the kernel's best, slower than OpenSSL. With the defaults, 4 MiB and 8 MiB, three runs gave
// 2.98-3.28 busy lanes, and client CPU fell from ~4.0 to ~3.4-3.9 s/GiB; the 99th-percentile event-loop delay stayed
// at 12-15 ms. Larger thresholds fill the lanes further (16 MiB: 3.94) but digest() then blocks for longer.
//
// Bounds. The pool references a stream only while the stream has at least one whole block queued, and after every
// call each stream holds under streamFlushBytes and all those streams together under poolFlushBytes. Queued bytes are
// copies in 64 KiB segments (never the caller's buffers), so abandoned streams pin at most streamFlushBytes each,
// rounded up to a segment, and poolFlushBytes together; later batches take their blocks as riders, or as the fullest
// streams once the pool passes its threshold, and then the pool drops them (with their < 64 leftover bytes).
// Work per call: update() runs batches only until both bounds hold again, and each batch moves at least as many bytes
// out of the queues as its kernel call costs per lane, so an update() costs at most about twice its chunk plus two
// windows (one window per lane is 64 KiB); digest() hashes under streamFlushBytes + 72 bytes of its stream: at most
// ⌈(streamFlushBytes + 72) / window⌉ kernel calls, 65 with the defaults (~10 ms on the dev VM).

/** What a lane stream's bytes hash to. */
export interface LaneDigest {
  /** The 16-byte MD5. */
  readonly md5: Buffer;
  /** The CRC-64/ECMA (crc64.ts), computed by the same kernel calls as the MD5 (md5-lanes-wasm.ts). */
  readonly crc64: bigint;
}

/** One MD5 + CRC-64 stream, like a node:crypto Hash for 'md5' and a Crc64 fed the same bytes. */
export interface LaneHash {
  /** Adds bytes. They are copied: the caller may reuse `chunk` as soon as update() returns. */
  update(chunk: Uint8Array): void;
  /**
   * Hashes the stream's queued whole blocks in slices of a few batches, yielding to the event loop (setImmediate)
   * between slices, so that digest() has at most one block left. For a stream that got its last chunk: a digest()
   * straight away hashes everything queued in one go (up to streamFlushBytes, ~10 ms), and while it runs no socket
   * is fed.
   */
  settle(): Promise<void>;
  /** MD5 and CRC-64 of everything added; ends the stream (update() then throws); later calls return the same digest. */
  digest(): LaneDigest;
}

/** Creates MD5 + CRC-64 streams that share one four-lane kernel. */
export interface Md5LanePool {
  /** A new, empty stream. Any number may be open; dropping one without digest() leaks nothing. */
  create(): LaneHash;
  /** Bytes added and not hashed yet in the streams the pool holds (those with a whole block queued): for tests and metrics. */
  readonly queuedBytes: number;
}

/** When queued bytes are hashed. */
export interface Md5LanePoolOptions {
  /** A stream's queued bytes that make it hash (default 4 MiB, at least 64): also what an abandoned stream can pin. */
  readonly streamFlushBytes?: number;
  /** Queued bytes across the pool that make the fullest streams hash (default 8 MiB, at least 64). */
  readonly poolFlushBytes?: number;
}

const BLOCK_BYTES = 64;
const WINDOW_BLOCKS = MD5_LANE_WINDOW_BYTES / BLOCK_BYTES;
const KiB = 1024;
/** Batches settle() runs between yields: 4 × 256 KiB over the lanes, well under a millisecond. */
const SETTLE_SLICE_BATCHES = 4;
/** Size of the segments queued bytes are copied into. */
const SEGMENT_BYTES = 64 * KiB;
const EMPTY = new Uint8Array(0);
/** RFC 1321 §3.3: A, B, C, D before the first block, as int32. */
const INITIAL_STATE = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476] as const;

/**
 * Spare segments, reused so that queueing allocates nothing in the steady state. Streams copy their chunks in rather
 * than keep references, so a caller may reuse its buffer at once, and a part's 256 KiB read buffers can be freed as
 * soon as they are sent instead of waiting behind megabytes of other streams' bytes. Read buffers that live that long
 * outlast young-generation collections; `--trace-gc` of 1 GiB engine uploads showed runs where V8 then ran a full
 * mark-compact every ~20 MiB (40-53 per GiB instead of 2, ~2 s more CPU per GiB). Such runs still happen, less often,
 * and to ali-oss too (bench/README.md): the pool is no longer one of the causes. The copy costs ~0.1 s per GiB.
 */
class SegmentPool {
  readonly #spare: Uint8Array[] = [];

  constructor(private readonly maxSpare: number) {}

  get(): Uint8Array {
    return this.#spare.pop() ?? new Uint8Array(SEGMENT_BYTES);
  }

  put(segment: Uint8Array): void {
    if (this.#spare.length < this.maxSpare) this.#spare.push(segment);
  }
}

/** A stream's queue of bytes not hashed yet (copies in segments), and its MD5 state. */
class StreamQueue {
  readonly state = Int32Array.from(INITIAL_STATE);
  /** The CRC-64 register of the bytes hashed so far (crc64.ts's form). */
  readonly crc = crc64Register();
  /** False once the padding is queued: the blocks after that are not data, and the CRC must not see them. */
  crcOpen = true;
  queuedBytes = 0;
  totalBytes = 0;
  /** Whether the pool's set of streams with whole blocks holds this stream. */
  tracked = false;
  /** Queued bytes run from #headAt in the first segment to #tailFill in the last. */
  readonly #segments: Uint8Array[] = [];
  #headAt = 0;
  #tailFill = SEGMENT_BYTES;

  constructor(private readonly segments: SegmentPool) {}

  get blocks(): number {
    return Math.floor(this.queuedBytes / BLOCK_BYTES);
  }

  /** Copies `chunk` in: the caller keeps its buffer. */
  append(chunk: Uint8Array): void {
    for (let at = 0; at < chunk.length; ) {
      if (this.#tailFill === SEGMENT_BYTES) {
        this.#segments.push(this.segments.get());
        this.#tailFill = 0;
      }
      const n = Math.min(SEGMENT_BYTES - this.#tailFill, chunk.length - at);
      // The last segment exists: one was pushed above when the previous one was full.
      this.#segments[this.#segments.length - 1]!.set(chunk.subarray(at, at + n), this.#tailFill);
      this.#tailFill += n;
      at += n;
    }
    this.queuedBytes += chunk.length;
    this.totalBytes += chunk.length;
  }

  /** Moves the next `bytes` queued bytes (at most queuedBytes) into `into` (from its start). */
  take(bytes: number, into: Uint8Array): void {
    for (let at = 0; at < bytes; ) {
      const head = this.#segments[0] ?? EMPTY;
      const end = this.#segments.length === 1 ? this.#tailFill : SEGMENT_BYTES;
      const n = Math.min(end - this.#headAt, bytes - at);
      into.set(head.subarray(this.#headAt, this.#headAt + n), at);
      at += n;
      this.#headAt += n;
      if (this.#headAt === SEGMENT_BYTES) this.#release();
    }
    this.queuedBytes -= bytes;
  }

  /** Copies the first `into.length` queued bytes (at most queuedBytes) into `into`, leaving them queued. */
  peek(into: Uint8Array): void {
    let at = 0;
    for (let index = 0, from = this.#headAt; at < into.length; index++, from = 0) {
      const segment = this.#segments[index] ?? EMPTY;
      const end = index === this.#segments.length - 1 ? this.#tailFill : SEGMENT_BYTES;
      const n = Math.min(end - from, into.length - at);
      into.set(segment.subarray(from, from + n), at);
      at += n;
    }
  }

  /** Forgets everything queued (after the digest) and hands the segments back. */
  clear(): void {
    while (this.#segments.length > 0) this.#release();
    this.queuedBytes = 0;
  }

  #release(): void {
    const head = this.#segments.shift();
    if (head !== undefined) this.segments.put(head);
    this.#headAt = 0;
    if (this.#segments.length === 0) this.#tailFill = SEGMENT_BYTES;
  }
}

/** The scheduler: which streams share a batch, and when batches run. */
class LaneScheduler {
  /** Streams with at least one whole block queued; the only references the pool keeps to streams. */
  readonly #tracked = new Set<StreamQueue>();
  #queuedBytes = 0;
  readonly #lanes: StreamQueue[] = [];
  readonly #counts: number[] = [];
  readonly #crcCounts: number[] = [];
  /** Where streams copy their chunks: spares for everything the pool may hold, plus a partial segment per lane. */
  readonly segments: SegmentPool;

  constructor(
    private readonly kernel: Md5LanesKernel,
    private readonly streamFlushBytes: number,
    private readonly poolFlushBytes: number,
  ) {
    this.segments = new SegmentPool(Math.ceil(poolFlushBytes / SEGMENT_BYTES) + MD5_LANES);
  }

  get queuedBytes(): number {
    return this.#queuedBytes;
  }

  /** Queues `chunk` on `stream`, then runs the batches the thresholds call for. */
  add(stream: StreamQueue, chunk: Uint8Array): void {
    stream.append(chunk);
    this.#track(stream, chunk.length);
    while (stream.queuedBytes >= this.streamFlushBytes) this.#runBatch(stream);
    while (this.#queuedBytes >= this.poolFlushBytes) this.#runBatch(this.#fullest());
  }

  /** Hashes the whole blocks of `stream`, SETTLE_SLICE_BATCHES batches at a time with a macrotask between slices. */
  async settle(stream: StreamQueue): Promise<void> {
    for (let batches = 1; stream.blocks > 0; batches++) {
      this.#runBatch(stream);
      if (batches % SETTLE_SLICE_BATCHES === 0 && stream.blocks > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Hashes every whole block of `stream`, adds the bytes after them (under one block) to its CRC, then queues the
   * padding and hashes it too (MD5 only); its MD5 state and CRC register are then the digest.
   */
  finish(stream: StreamQueue): void {
    while (stream.blocks > 0) this.#runBatch(stream);
    // The bytes after the last whole block (under 64) are data too: the CRC takes them now, the MD5 with the padding.
    const tail = new Uint8Array(stream.queuedBytes);
    stream.peek(tail);
    updateCrc64Register(stream.crc, tail);
    stream.crcOpen = false;
    const padding = md5Padding(stream.totalBytes);
    stream.append(padding);
    this.#track(stream, padding.length);
    while (stream.blocks > 0) this.#runBatch(stream);
  }

  #track(stream: StreamQueue, added: number): void {
    if (stream.tracked) {
      this.#queuedBytes += added;
    } else if (stream.blocks > 0) {
      stream.tracked = true;
      this.#tracked.add(stream);
      this.#queuedBytes += stream.queuedBytes;
    }
  }

  /** The tracked stream with the most queued bytes. */
  #fullest(): StreamQueue {
    let best: StreamQueue | undefined;
    for (const stream of this.#tracked) if (best === undefined || stream.queuedBytes > best.queuedBytes) best = stream;
    // Only called while the pool holds bytes, i.e. while a tracked stream exists.
    if (best === undefined) throw new Error('MD5 lane pool: no stream to hash');
    return best;
  }

  /** One kernel call: `target` hashes up to a window in lane 0; the streams with the most queued blocks ride along. */
  #runBatch(target: StreamQueue): void {
    const lanes = this.#lanes;
    lanes.length = 0;
    lanes.push(target);
    for (const stream of this.#tracked) {
      if (stream === target) continue;
      // Keep the MD5_LANES − 1 fullest riders, ordered fullest first (insertion into a list of at most three).
      let at = lanes.length;
      while (at > 1 && (lanes[at - 1]?.queuedBytes ?? 0) < stream.queuedBytes) at--;
      if (at < MD5_LANES) {
        lanes.splice(at, 0, stream);
        if (lanes.length > MD5_LANES) lanes.length = MD5_LANES;
      }
    }
    const blocks = Math.min(WINDOW_BLOCKS, target.blocks);
    const counts = this.#counts;
    const crcCounts = this.#crcCounts;
    counts.length = 0;
    crcCounts.length = 0;
    lanes.forEach((stream, lane) => {
      const count = Math.min(blocks, stream.blocks);
      stream.take(count * BLOCK_BYTES, this.kernel.windows[lane] ?? EMPTY); // lane < MD5_LANES windows
      this.kernel.setState(lane, stream.state);
      this.kernel.setCrc(lane, stream.crc);
      counts.push(count);
      crcCounts.push(stream.crcOpen ? count : 0);
    });
    this.kernel.run(counts, crcCounts);
    lanes.forEach((stream, lane) => {
      this.kernel.getState(lane, stream.state);
      this.kernel.getCrc(lane, stream.crc);
      this.#queuedBytes -= (counts[lane] ?? 0) * BLOCK_BYTES;
      if (stream.blocks === 0) {
        // Under one block left: the pool lets go of the stream (and stops counting its leftover bytes).
        this.#tracked.delete(stream);
        stream.tracked = false;
        this.#queuedBytes -= stream.queuedBytes;
      }
    });
  }
}

function digestOf(state: Int32Array): Buffer {
  const digest = Buffer.alloc(16);
  // RFC 1321 §3.5: A, B, C, D, each low-order byte first.
  for (let r = 0; r < 4; r++) digest.writeInt32LE(state[r] ?? 0, 4 * r);
  return digest;
}

function createStream(scheduler: LaneScheduler): LaneHash {
  const queue = new StreamQueue(scheduler.segments);
  let result: LaneDigest | undefined;
  return {
    update(chunk) {
      if (result !== undefined) throw new Error('LaneHash.update() called after digest()');
      if (chunk.length > 0) scheduler.add(queue, chunk);
    },
    async settle() {
      if (result === undefined) await scheduler.settle(queue);
    },
    digest() {
      if (result === undefined) {
        scheduler.finish(queue);
        result = { md5: digestOf(queue.state), crc64: crc64OfRegister(queue.crc) };
        queue.clear();
      }
      // A copy each time, so a caller that changes its Buffer cannot change what later calls return.
      return { md5: Buffer.from(result.md5), crc64: result.crc64 };
    },
  };
}

function checkThreshold(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < BLOCK_BYTES) throw new RangeError(`${name} must be an integer ≥ ${BLOCK_BYTES}: ${value}`);
  return value;
}

/**
 * A pool of MD5 streams hashed four at a time in WebAssembly SIMD, or undefined where that is unavailable (or, as a
 * guard, where the kernel disagrees with node:crypto on a probe): the caller then uses node:crypto.
 */
export function createMd5LanePool(options: Md5LanePoolOptions = {}): Md5LanePool | undefined {
  const kernel = createMd5LanesKernel();
  if (kernel === undefined) return undefined;
  const scheduler = new LaneScheduler(
    kernel,
    checkThreshold('streamFlushBytes', options.streamFlushBytes ?? 4096 * KiB),
    checkThreshold('poolFlushBytes', options.poolFlushBytes ?? 8192 * KiB),
  );
  const pool: Md5LanePool = {
    create: () => createStream(scheduler),
    get queuedBytes() {
      return scheduler.queuedBytes;
    },
  };
  // The K table comes from Math.sin and the code from a JIT: one probe against OpenSSL costs microseconds, once.
  const probe = Uint8Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) & 0xff);
  const probed = pool.create();
  probed.update(probe);
  const { md5, crc64: crc } = probed.digest();
  return md5.equals(createHash('md5').update(probe).digest()) && crc === crc64(probe) ? pool : undefined;
}
