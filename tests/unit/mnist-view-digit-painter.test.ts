import { describe, expect, it } from 'vitest';
import { DigitPainter, type DigitColors } from '../../src/labs/mnist/client/distill-digits/digit-canvas';

/** A canvas that counts its repaints and keeps the last image put into it. */
function fakeCanvas() {
  const state = { puts: 0, last: null as Uint8ClampedArray | null };
  const ctx = {
    createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: (image: { data: Uint8ClampedArray }) => {
      state.puts++;
      state.last = image.data;
    },
  };
  return { canvas: { getContext: () => ctx } as unknown as HTMLCanvasElement, state };
}

const BLACK_ON_WHITE: DigitColors = { ink: [0, 0, 0], paper: [255, 255, 255], grid: 'g' };
const WHITE_ON_BLACK: DigitColors = { ink: [255, 255, 255], paper: [0, 0, 0], grid: 'g' };

function images(count: number, seed: number): Float32Array {
  return Float32Array.from({ length: count * 784 }, (_, i) => ((i * 7 + seed) % 13) / 12);
}

describe('DigitPainter', () => {
  it('repaints a canvas only when its pixels change, whatever array they come in', () => {
    let reads = 0;
    const painter = new DigitPainter(() => (reads++, BLACK_ON_WHITE), () => 0);
    const { canvas, state } = fakeCanvas();
    const strip = images(3, 1);
    painter.paint(canvas, strip, 784);
    expect(state.puts).toBe(1);
    // The next readout: a fresh copy of the same images.
    painter.paint(canvas, strip.slice(), 784);
    expect(state.puts).toBe(1);
    // Another digit in the same canvas, then a blank one.
    painter.paint(canvas, strip, 2 * 784);
    expect(state.puts).toBe(2);
    painter.paint(canvas, null, 0);
    painter.paint(canvas, null, 0);
    expect(state.puts).toBe(3);
    expect([...state.last!.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    // The colours were read for the first paint only: the clock never moved.
    expect(reads).toBe(1);
  });

  it('reads the colours for a repaint, else every THEME_CHECK_MS, and repaints when they changed', () => {
    const check = DigitPainter.THEME_CHECK_MS;
    let t = 0;
    let colors = BLACK_ON_WHITE;
    let reads = 0;
    const painter = new DigitPainter(() => (reads++, colors), () => t);
    const { canvas, state } = fakeCanvas();
    const strip = images(2, 2);
    painter.paint(canvas, strip, 0);
    // The theme changes; unchanged pixels before the check is due: nothing read, nothing painted.
    colors = WHITE_ON_BLACK;
    t = check / 2;
    painter.paint(canvas, strip.slice(), 0);
    expect([state.puts, reads]).toEqual([1, 1]);
    // The check is due: the new colours are read and the canvas repainted in them.
    t = check;
    painter.paint(canvas, strip, 0);
    expect([state.puts, reads]).toEqual([2, 2]);
    // The first pixel is 1/6 of the way from paper to ink: 43 on black paper now (213 on white before).
    expect([...state.last!.subarray(0, 4)]).toEqual([43, 43, 43, 255]);
    // New pixels read the colours at once; the same colours in a new object repaint nothing more.
    colors = { ...WHITE_ON_BLACK, ink: [255, 255, 255] };
    t = check + 1;
    painter.paint(canvas, strip, 784);
    expect([state.puts, reads]).toEqual([3, 3]);
    t = 3 * check;
    painter.paint(canvas, strip, 784);
    expect([state.puts, reads]).toEqual([3, 4]);
  });

  it('keeps each canvas apart', () => {
    const painter = new DigitPainter(() => BLACK_ON_WHITE, () => 0);
    const a = fakeCanvas();
    const b = fakeCanvas();
    const strip = images(2, 3);
    painter.paint(a.canvas, strip, 0);
    painter.paint(b.canvas, strip, 0);
    painter.paint(b.canvas, strip, 784);
    expect([a.state.puts, b.state.puts]).toEqual([1, 2]);
  });
});
