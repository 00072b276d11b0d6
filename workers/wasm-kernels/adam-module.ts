/**
 * Adam in one pass over a variable, as WebAssembly written at run time: reads the weight, its
 * gradient and both moments once and writes the three new arrays, 4 lanes at a time (then the
 * 0–3 elements left one by one). tfjs's Adam runs ~14 kernels per variable, each a pass over
 * memory (`npm run bench:native`: ~45 ms of a 3-student MNIST step). The arithmetic is tfjs's,
 * in its order, in float32:
 *   m' = m·β1 + g·(1 − β1);  v' = v·β2 + g²·(1 − β2)
 *   p' = (m' / c1) / (√(v' / c2) + ε) · (−lr) + p,   c1 = 1 − β1ᵗ, c2 = 1 − β2ᵗ
 */
import { F32, I32, moduleBytes, op, V128, type FunctionDef } from './emit';

// adam(p, g, m, v, pOut, mOut, vOut, count, −lr, β1, 1 − β1, β2, 1 − β2, ε, c1, c2): byte offsets,
// the element count, then float32 constants made as tfjs makes its scalars (from JS numbers).
const [P, G, M, V, PO, MO, VO, COUNT, LR, B1, NB1, B2, NB2, EPS, C1, C2] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
// Locals: steps left, the constants splatted, a gradient and the new moments; then their scalars.
const STEPS = 16;
const [SLR, SB1, SNB1, SB2, SNB2, SEPS, SC1, SC2, VG, VM, VV] = [17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27];
const [XG, XM, XV] = [28, 29, 30];

/** One lane width's opcodes and locals: 4 lanes (SIMD, constants splatted) or 1 (scalar, the params). */
interface Lanes {
  bytes: number;
  /** Elements this pass covers: count ÷ 4, or the 0–3 left. */
  steps: number[];
  load: number[];
  store: number[];
  mul: number[];
  add: number[];
  div: number[];
  sqrt: number[];
  /** Locals: the gradient, the new moments, and the constants −lr, β1, 1 − β1, β2, 1 − β2, ε, c1, c2. */
  g: number;
  m: number;
  v: number;
  k: Record<'lr' | 'b1' | 'nb1' | 'b2' | 'nb2' | 'eps' | 'c1' | 'c2', number>;
}

const VECTOR: Lanes = {
  bytes: 16,
  steps: [...op.get(COUNT), ...op.i32(2), ...op.i32ShrU],
  load: op.v128Load(0),
  store: op.v128Store(0),
  mul: op.f32x4Mul,
  add: op.f32x4Add,
  div: op.f32x4Div,
  sqrt: op.f32x4Sqrt,
  g: VG,
  m: VM,
  v: VV,
  k: { lr: SLR, b1: SB1, nb1: SNB1, b2: SB2, nb2: SNB2, eps: SEPS, c1: SC1, c2: SC2 },
};

const SCALAR: Lanes = {
  bytes: 4,
  steps: [...op.get(COUNT), ...op.i32(3), ...op.i32And],
  load: op.f32Load(0),
  store: op.f32Store(0),
  mul: op.f32Mul,
  add: op.f32Add,
  div: op.f32Div,
  sqrt: op.f32Sqrt,
  g: XG,
  m: XM,
  v: XV,
  k: { lr: LR, b1: B1, nb1: NB1, b2: B2, nb2: NB2, eps: EPS, c1: C1, c2: C2 },
};

/** The update over `lanes.steps` elements of that width, every pointer moved on as it goes. */
function pass(l: Lanes): number[] {
  const { k } = l;
  const b: number[] = [...l.steps, ...op.tee(STEPS), ...op.i32Eqz, ...op.ifVoid, ...op.else, ...op.loop];
  b.push(...op.get(G), ...l.load, ...op.set(l.g));
  // m' = m·β1 + g·(1 − β1)
  b.push(...op.get(M), ...l.load, ...op.get(k.b1), ...l.mul, ...op.get(l.g), ...op.get(k.nb1), ...l.mul, ...l.add, ...op.set(l.m));
  // v' = v·β2 + g²·(1 − β2)
  b.push(...op.get(V), ...l.load, ...op.get(k.b2), ...l.mul, ...op.get(l.g), ...op.get(l.g), ...l.mul, ...op.get(k.nb2), ...l.mul, ...l.add, ...op.set(l.v));
  b.push(...op.get(MO), ...op.get(l.m), ...l.store);
  b.push(...op.get(VO), ...op.get(l.v), ...l.store);
  // p' = (m' / c1) / (√(v' / c2) + ε) · (−lr) + p
  b.push(...op.get(PO));
  b.push(...op.get(l.m), ...op.get(k.c1), ...l.div);
  b.push(...op.get(l.v), ...op.get(k.c2), ...l.div, ...l.sqrt, ...op.get(k.eps), ...l.add);
  b.push(...l.div, ...op.get(k.lr), ...l.mul, ...op.get(P), ...l.load, ...l.add, ...l.store);
  for (const ptr of [P, G, M, V, PO, MO, VO]) b.push(...op.get(ptr), ...op.i32(l.bytes), ...op.i32Add, ...op.set(ptr));
  b.push(...op.get(STEPS), ...op.i32(1), ...op.i32Sub, ...op.tee(STEPS), ...op.brIf(0), ...op.end, ...op.end);
  return b;
}

/** The constants splatted into the vector pass's locals. */
function splats(): number[] {
  const pairs: [number, number][] = [[LR, SLR], [B1, SB1], [NB1, SNB1], [B2, SB2], [NB2, SNB2], [EPS, SEPS], [C1, SC1], [C2, SC2]];
  return pairs.flatMap(([from, to]) => [...op.get(from), ...op.f32x4Splat, ...op.set(to)]);
}

export function adamModuleBytes(options: { sharedMemory: boolean }): Uint8Array<ArrayBuffer> {
  const adam: FunctionDef = {
    params: [I32, I32, I32, I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32, F32, F32],
    results: [],
    locals: [[1, I32], [11, V128], [3, F32]],
    body: [...splats(), ...pass(VECTOR), ...pass(SCALAR)],
    exportAs: 'adam',
  };
  return moduleBytes({ shared: options.sharedMemory }, [adam]);
}
