// The little of the WebAssembly binary format (core spec §5) that the project's hand-assembled kernels need
// (crc64-wasm.ts, md5-lanes-wasm.ts): the opcodes they use, LEB128 numbers, sections, vectors, a one-function module,
// and instantiation that reports "unavailable" instead of throwing, so each kernel can fall back to its JavaScript or
// OpenSSL path.

/**
 * Opcodes of core instructions (spec §5.4). The kernels write their small constants straight after i32.const and
 * i64.const as one signed LEB128 byte (0..63), and memory offsets through uleb.
 */
export const OP = {
  block: 0x02, loop: 0x03, br: 0x0c, brIf: 0x0d, end: 0x0b, emptyType: 0x40,
  select: 0x1b, localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Load: 0x28, i64Load: 0x29, i64Load8U: 0x31, i64Store: 0x37,
  i32Const: 0x41, i64Const: 0x42,
  i32Eqz: 0x45, i32LtU: 0x49, i32GeU: 0x4f, i32Add: 0x6a, i32Sub: 0x6b, i32And: 0x71,
  i64Xor: 0x85, i64Shl: 0x86, i64ShrU: 0x88, i32WrapI64: 0xa7,
} as const;

/** Value types (spec §5.3.1). */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const V128 = 0x7b;

const PAGE_BYTES = 64 * 1024;

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

/** What {@link singleFunctionModule} assembles. */
export interface SingleFunctionSpec {
  /** Export name of the function (its type is (params) -> ()). */
  readonly functionName: string;
  readonly params: readonly number[];
  /** Local declarations after the parameters: [count, value type] runs. */
  readonly locals: readonly (readonly [number, number])[];
  /** The function's instructions, without the final `end`. */
  readonly code: readonly number[];
  /** Bytes of memory the function uses; the memory (exported as `m`) has that many, rounded up to whole pages. */
  readonly memoryBytes: number;
}

/** A module of one function and one memory, both exported (sections 1, 3, 5, 7 and 10 of spec §5.5). */
export function singleFunctionModule(spec: SingleFunctionSpec): Uint8Array {
  const body = [...vector(spec.locals.map(([count, type]) => [...uleb(count), type])), ...spec.code, OP.end];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    ...section(1, vector([[0x60, ...uleb(spec.params.length), ...spec.params, 0]])), // type 0: (params) -> ()
    ...section(3, vector([[0]])), // function 0 has type 0
    ...section(5, vector([[0x00, ...uleb(Math.ceil(spec.memoryBytes / PAGE_BYTES))]])), // one memory, no maximum
    ...section(7, vector([[...exportName(spec.functionName), 0x00, 0], [...exportName('m'), 0x02, 0]])),
    ...section(10, vector([[...uleb(body.length), ...body]])),
  ]);
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
