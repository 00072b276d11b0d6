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

function vectorPart(): number[] {
  const b: number[] = [];
  const splat = (from: number[], to: number) => b.push(...from, ...op.f32x4Splat, ...op.set(to));
  splat(op.get(LR), SLR);
  splat(op.get(B1), SB1);
  splat(op.get(NB1), SNB1);
  splat(op.get(B2), SB2);
  splat(op.get(NB2), SNB2);
  splat(op.get(EPS), SEPS);
  splat(op.get(C1), SC1);
  splat(op.get(C2), SC2);
  b.push(...op.get(COUNT), ...op.i32(2), ...op.i32ShrU, ...op.tee(STEPS));
  b.push(...op.i32Eqz, ...op.ifVoid, ...op.else);
  b.push(...op.loop);
  b.push(...op.get(G), ...op.v128Load(0), ...op.set(VG));
  // m' = m·β1 + g·(1 − β1)
  b.push(...op.get(M), ...op.v128Load(0), ...op.get(SB1), ...op.f32x4Mul, ...op.get(VG), ...op.get(SNB1), ...op.f32x4Mul, ...op.f32x4Add, ...op.set(VM));
  // v' = v·β2 + g²·(1 − β2)
  b.push(...op.get(V), ...op.v128Load(0), ...op.get(SB2), ...op.f32x4Mul, ...op.get(VG), ...op.get(VG), ...op.f32x4Mul, ...op.get(SNB2), ...op.f32x4Mul, ...op.f32x4Add, ...op.set(VV));
  b.push(...op.get(MO), ...op.get(VM), ...op.v128Store(0));
  b.push(...op.get(VO), ...op.get(VV), ...op.v128Store(0));
  // p' = (m' / c1) / (√(v' / c2) + ε) · (−lr) + p
  b.push(...op.get(PO));
  b.push(...op.get(VM), ...op.get(SC1), ...op.f32x4Div);
  b.push(...op.get(VV), ...op.get(SC2), ...op.f32x4Div, ...op.f32x4Sqrt, ...op.get(SEPS), ...op.f32x4Add);
  b.push(...op.f32x4Div, ...op.get(SLR), ...op.f32x4Mul, ...op.get(P), ...op.v128Load(0), ...op.f32x4Add, ...op.v128Store(0));
  for (const ptr of [P, G, M, V, PO, MO, VO]) b.push(...op.get(ptr), ...op.i32(16), ...op.i32Add, ...op.set(ptr));
  b.push(...op.get(STEPS), ...op.i32(1), ...op.i32Sub, ...op.tee(STEPS), ...op.brIf(0), ...op.end);
  b.push(...op.end);
  return b;
}

function scalarPart(): number[] {
  const b: number[] = [];
  b.push(...op.get(COUNT), ...op.i32(3), ...op.i32And, ...op.tee(STEPS));
  b.push(...op.i32Eqz, ...op.ifVoid, ...op.else);
  b.push(...op.loop);
  b.push(...op.get(G), ...op.f32Load(0), ...op.set(XG));
  b.push(...op.get(M), ...op.f32Load(0), ...op.get(B1), ...op.f32Mul, ...op.get(XG), ...op.get(NB1), ...op.f32Mul, ...op.f32Add, ...op.set(XM));
  b.push(...op.get(V), ...op.f32Load(0), ...op.get(B2), ...op.f32Mul, ...op.get(XG), ...op.get(XG), ...op.f32Mul, ...op.get(NB2), ...op.f32Mul, ...op.f32Add, ...op.set(XV));
  b.push(...op.get(MO), ...op.get(XM), ...op.f32Store(0));
  b.push(...op.get(VO), ...op.get(XV), ...op.f32Store(0));
  b.push(...op.get(PO));
  b.push(...op.get(XM), ...op.get(C1), ...op.f32Div);
  b.push(...op.get(XV), ...op.get(C2), ...op.f32Div, ...op.f32Sqrt, ...op.get(EPS), ...op.f32Add);
  b.push(...op.f32Div, ...op.get(LR), ...op.f32Mul, ...op.get(P), ...op.f32Load(0), ...op.f32Add, ...op.f32Store(0));
  for (const ptr of [P, G, M, V, PO, MO, VO]) b.push(...op.get(ptr), ...op.i32(4), ...op.i32Add, ...op.set(ptr));
  b.push(...op.get(STEPS), ...op.i32(1), ...op.i32Sub, ...op.tee(STEPS), ...op.brIf(0), ...op.end);
  b.push(...op.end);
  return b;
}

export function adamModuleBytes(options: { sharedMemory: boolean }): Uint8Array<ArrayBuffer> {
  const adam: FunctionDef = {
    params: [I32, I32, I32, I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32, F32, F32],
    results: [],
    locals: [[1, I32], [11, V128], [3, F32]],
    body: [...vectorPart(), ...scalarPart()],
    exportAs: 'adam',
  };
  return moduleBytes({ shared: options.sharedMemory }, [adam]);
}
