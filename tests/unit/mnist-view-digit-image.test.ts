import { describe, expect, it } from 'vitest';
import {
  centreDigit,
  centreOfMass,
  createInkGrid,
  downsample,
  inkBounds,
  MNIST_BOX,
  MNIST_PIXELS,
  MNIST_SIDE,
  paintDab,
  paintSegment,
} from '../../src/labs/mnist/client/distill-digits/digit-image';

/** Fills the rectangle [x0, x1) × [y0, y1) of a side × side image with `v`. */
function rect(side: number, x0: number, y0: number, x1: number, y1: number, v = 1): Float32Array {
  const a = new Float32Array(side * side);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) a[y * side + x] = v;
  return a;
}

describe('centreOfMass', () => {
  it('puts a single pixel at its centre', () => {
    const a = new Float32Array(9);
    a[1 * 3 + 2] = 1;
    expect(centreOfMass(a, 3)).toEqual({ x: 2.5, y: 1.5 });
  });

  it('weights by grey level', () => {
    // Pixels at x = 0 (weight 1) and x = 3 (weight 3): (0.5·1 + 3.5·3) / 4 = 2.75.
    const a = new Float32Array([1, 0, 0, 3]);
    expect(centreOfMass(a, 4, 1)).toEqual({ x: 2.75, y: 0.5 });
  });

  it('is null for a blank image', () => {
    expect(centreOfMass(new Float32Array(16), 4)).toBeNull();
  });
});

describe('inkBounds', () => {
  it('finds the inked box and ignores faint specks', () => {
    const a = rect(10, 2, 3, 5, 9);
    a[0] = 0.01;
    expect(inkBounds(a, 10)).toEqual({ x0: 2, y0: 3, x1: 4, y1: 8 });
    expect(inkBounds(new Float32Array(100), 10)).toBeNull();
  });
});

describe('centreDigit', () => {
  it('gives 784 zeros for a blank drawing', () => {
    const out = centreDigit(new Float32Array(112 * 112), 112);
    expect(out.length).toBe(MNIST_PIXELS);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('scales a small off-centre square to the 20 × 20 box, centred', () => {
    // A 10 × 10 block in the top-left corner of a 28 × 28 drawing.
    const out = centreDigit(rect(28, 1, 2, 11, 12), 28);
    const b = inkBounds(out, MNIST_SIDE, 0.5)!;
    expect(b.x1 - b.x0 + 1).toBe(MNIST_BOX);
    expect(b.y1 - b.y0 + 1).toBe(MNIST_BOX);
    expect(b).toEqual({ x0: 4, y0: 4, x1: 23, y1: 23 });
    const com = centreOfMass(out, MNIST_SIDE)!;
    expect(com.x).toBeCloseTo(14, 5);
    expect(com.y).toBeCloseTo(14, 5);
    expect(Math.max(...out)).toBe(1);
  });

  it('keeps the aspect ratio: a tall bar stays narrow', () => {
    // 8 wide × 80 tall in a 112 drawing → 2 × 20 in MNIST's box.
    const out = centreDigit(rect(112, 60, 10, 68, 90), 112);
    const b = inkBounds(out, MNIST_SIDE, 0.5)!;
    expect(b.y1 - b.y0 + 1).toBe(20);
    expect(b.x1 - b.x0 + 1).toBe(2);
    const com = centreOfMass(out, MNIST_SIDE)!;
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('centres by mass, not by box: a lopsided shape shifts toward its heavy side', () => {
    // An "L": a long vertical bar plus a heavy foot on the right.
    const side = 56;
    const a = rect(side, 10, 10, 14, 50);
    for (let y = 46; y < 50; y++) for (let x = 14; x < 40; x++) a[y * side + x] = 1;
    const out = centreDigit(a, side);
    const com = centreOfMass(out, MNIST_SIDE)!;
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    // The box is not centred: the mass sits left (the stem) and low (the foot), so the box moves
    // right and up of the frame's middle.
    const b = inkBounds(out, MNIST_SIDE, 0.5)!;
    expect((b.x0 + b.x1 + 1) / 2).toBeGreaterThan(14);
    expect((b.y0 + b.y1 + 1) / 2).toBeLessThan(14);
  });

  it('never cuts the digit when mass centring would push it out of the frame', () => {
    // A nearly empty box with all the mass in one corner.
    const side = 40;
    const a = new Float32Array(side * side);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) a[y * side + x] = 1;
    a[39 * side + 39] = 0.2; // a faint far corner stretches the box to the full drawing
    const out = centreDigit(a, side);
    let total = 0;
    for (const v of out) total += v;
    const b = inkBounds(out, MNIST_SIDE, 0.01)!;
    expect(b.x0).toBeGreaterThanOrEqual(0);
    expect(b.x1).toBeLessThanOrEqual(27);
    expect(total).toBeGreaterThan(0);
  });

  it('keeps values within 0–1 for a soft-brushed stroke', () => {
    const g = createInkGrid(112);
    paintSegment(g, 30, 20, 70, 90, { core: 3.6, edge: 6.4 });
    const out = centreDigit(g.data, g.side);
    expect(out.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(out.some((v) => v > 0 && v < 1)).toBe(true); // anti-aliased edges
  });
});

describe('brush', () => {
  it('paints full ink at the core, a soft edge, nothing beyond', () => {
    const g = createInkGrid(20);
    paintDab(g, 10, 10, { core: 2, edge: 4 });
    expect(g.data[10 * 20 + 10]).toBe(1);
    const edge = g.data[10 * 20 + 13]!; // distance 3.5 from the centre
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(1);
    expect(g.data[10 * 20 + 15]).toBe(0);
  });

  it('combines by maximum, so overlapping strokes stay ≤ 1', () => {
    const g = createInkGrid(20);
    paintSegment(g, 2, 10, 18, 10, { core: 1, edge: 2 });
    paintSegment(g, 10, 2, 10, 18, { core: 1, edge: 2 });
    expect(Math.max(...g.data)).toBe(1);
  });

  it('downsamples by area averaging', () => {
    const g = createInkGrid(4);
    g.data.set(rect(4, 0, 0, 2, 1));
    expect([...downsample(g, 2)]).toEqual([0.5, 0, 0, 0]);
    expect(() => downsample(g, 3)).toThrow();
  });
});
