// The little of the WebAssembly binary format (core spec §5) that the project's hand-assembled kernels need
// (crc64-wasm.ts, md5-lanes-wasm.ts): LEB128 numbers, sections, vectors, export names, and instantiation that
// reports "unavailable" instead of throwing, so each kernel can fall back to its JavaScript or OpenSSL path.

/** Unsigned LEB128 (§5.2.2): sizes, counts, indices and memory offsets. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

/** Signed LEB128 of an int32, for i32.const operands (64 already needs two bytes: bit 6 is the sign). */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    if ((rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

/** A section: its id, its byte length, its body (§5.5.2). */
export function section(id: number, body: readonly number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** A vector: its element count, then the elements (§5.1.3). */
export function vector(items: readonly (readonly number[])[]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

/** A name as the export section spells it: UTF-8 length, then the bytes (§5.2.4). */
export function exportName(text: string): number[] {
  const bytes = Buffer.from(text, 'utf8');
  return [...uleb(bytes.length), ...bytes];
}

/** The parts of the WebAssembly JS API used here (the project's TypeScript libs declare no WebAssembly values). */
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

/** An instantiated kernel: its one exported function and its exported memory (which never grows). */
export interface WasmKernelInstance {
  readonly call: (...args: number[]) => unknown;
  readonly memory: ArrayBuffer;
}

/**
 * Compiles and instantiates a module that exports function `functionName` and memory `m`; undefined where
 * WebAssembly is missing (e.g. `--jitless`) or refuses the module (e.g. SIMD instructions on a runtime without SIMD).
 * Synchronous compilation is fine for modules of a few KB, built once per process.
 */
export function instantiateKernel(bytes: Uint8Array, functionName: string): WasmKernelInstance | undefined {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (api === undefined) return undefined;
  let exports: Record<string, unknown>;
  try {
    exports = new api.Instance(new api.Module(bytes), {}).exports;
  } catch {
    return undefined;
  }
  const call = exports[functionName];
  const memory = exports['m'];
  if (typeof call !== 'function' || typeof memory !== 'object' || memory === null || !('buffer' in memory)) return undefined;
  const buffer = memory.buffer;
  if (!(buffer instanceof ArrayBuffer)) return undefined;
  return { call: call as (...args: number[]) => unknown, memory: buffer };
}
