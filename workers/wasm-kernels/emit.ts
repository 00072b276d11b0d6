/**
 * Just enough of the WebAssembly binary format to write the GEMM module (gemm-module.ts) at run
 * time: LEB128 numbers, sections, and the opcodes it uses. No toolchain, nothing to download.
 */

export const unsigned = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};

export const signed = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
};

const name = (s: string) => [...unsigned(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const section = (id: number, bytes: number[]) => [id, ...unsigned(bytes.length), ...bytes];
const vector = (items: number[][]) => [...unsigned(items.length), ...items.flat()];

export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** Opcodes (a SIMD one is the 0xfd prefix and its number). */
const simd = (op: number) => [0xfd, ...unsigned(op)];
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  brIf: (depth: number) => [0x0d, ...unsigned(depth)],
  call: (fn: number) => [0x10, ...unsigned(fn)],
  get: (local: number) => [0x20, ...unsigned(local)],
  set: (local: number) => [0x21, ...unsigned(local)],
  tee: (local: number) => [0x22, ...unsigned(local)],
  i32: (value: number) => [0x41, ...signed(value)],
  i32Add: [0x6a],
  i32Eqz: [0x45],
  i32And: [0x71],
  i32ShrU: [0x76],
  /** if (no result) … else … end: the block's "then" arm is empty when written as if/else/end. */
  ifVoid: [0x04, 0x40],
  else: [0x05],
  br: (depth: number) => [0x0c, ...unsigned(depth)],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  f32Load: (offset: number) => [0x2a, 2, ...unsigned(offset)],
  f32Store: (offset: number) => [0x38, 2, ...unsigned(offset)],
  f32Zero: [0x43, 0, 0, 0, 0],
  f32One: [0x43, ...new Uint8Array(new Float32Array([1]).buffer)],
  f32Add: [0x92],
  f32Sub: [0x93],
  f32Mul: [0x94],
  f32Div: [0x95],
  f32Sqrt: [0x91],
  // Alignment hints stay at 4 bytes: tfjs's heap gives no 16-byte promise, and V8 loads unaligned anyway.
  v128Load: (offset: number) => [...simd(0x00), 2, ...unsigned(offset)],
  v128Store: (offset: number) => [...simd(0x0b), 2, ...unsigned(offset)],
  v128Splat32: (offset: number) => [...simd(0x09), 2, ...unsigned(offset)],
  v128Zero: [...simd(0x0c), ...new Array(16).fill(0)],
  f32x4Splat: simd(0x13),
  f32x4Add: simd(0xe4),
  f32x4Sub: simd(0xe5),
  f32x4Mul: simd(0xe6),
  f32x4Div: simd(0xe7),
  f32x4Sqrt: simd(0xe3),
  /** relaxed_madd(a, b, c) = a · b + c, fused where the CPU has FMA. */
  f32x4RelaxedMadd: simd(0x105),
};

export interface FunctionDef {
  params: number[];
  results: number[];
  /** Local declarations beyond the params: [count, type] runs. */
  locals: [number, number][];
  body: number[];
  exportAs?: string;
}

export interface MemoryImport {
  shared: boolean;
}

/** A module importing env.memory, with the given functions (their own types, in order). */
export function moduleBytes(memory: MemoryImport, functions: FunctionDef[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((p) => [p])), ...vector(f.results.map((r) => [r]))]);
  // Limits: 0x00 min; 0x03 min, max, shared (a shared memory must state its maximum: 4 GiB).
  const limits = memory.shared ? [0x03, ...unsigned(1), ...unsigned(65536)] : [0x00, ...unsigned(1)];
  const imports = vector([[...name('env'), ...name('memory'), 0x02, ...limits]]);
  const exports = functions.flatMap((f, i) => (f.exportAs ? [[...name(f.exportAs), 0x00, ...unsigned(i)]] : []));
  const code = functions.map((f) => {
    const body = [...vector(f.locals.map(([count, type]) => [...unsigned(count), type])), ...f.body, ...op.end];
    return [...unsigned(body.length), ...body];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(2, imports),
    ...section(3, vector(functions.map((_, i) => unsigned(i)))),
    ...section(7, vector(exports)),
    ...section(10, vector(code)),
  ]);
}

/**
 * Instantiates a generated module on `memory` (tfjs's heap), writing it for a shared memory when
 * that one is (the threaded build). Small modules, compiled synchronously: allowed at any size off
 * the main thread, and they are ~1–4 kB.
 */
export function instantiateOn(memory: WebAssembly.Memory, bytesFor: (sharedMemory: boolean) => Uint8Array<ArrayBuffer>): WebAssembly.Exports {
  const sharedMemory = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  return new WebAssembly.Instance(new WebAssembly.Module(bytesFor(sharedMemory)), { env: { memory } }).exports;
}
