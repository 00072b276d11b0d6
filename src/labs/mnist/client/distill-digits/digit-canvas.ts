/**
 * Painting 28 × 28 grey images into canvases for `<distill-digits>`: the strip's digits, the
 * drawing pad and what the models see, in the element's ink and paper colours.
 */
import { cssValue, hexToRgb } from '../../../../components/shared/palette';
import { MNIST_PIXELS, MNIST_SIDE } from './digit-image';

export interface DigitColors {
  ink: [number, number, number];
  paper: [number, number, number];
  grid: string;
}

/** Ink (`--distill-ink-color`), paper (`--distill-surface-color`) and the pad's grid lines, read from `host`. */
export function digitColors(host: HTMLElement): DigitColors {
  return {
    ink: hexToRgb(cssValue(host, '--distill-ink-color', '#1b1b1f')),
    paper: hexToRgb(cssValue(host, '--distill-surface-color', '#ffffff')),
    grid: 'rgba(0, 0, 0, 0.09)',
  };
}

/**
 * Paints canvases only when what they show changed: a readout brings a fresh copy of the same
 * strip images at every snapshot (up to five a second while training), and reading the theme's
 * colours forces a style recalculation (~5 ms in the MNIST lab, measured). Keeps a copy of each
 * canvas's pixels and the colours it was painted in. The colours are read when a canvas needs
 * painting, and otherwise at most every THEME_CHECK_MS, so a theme change shows within seconds.
 */
export class DigitPainter {
  static readonly THEME_CHECK_MS = 3000;
  private readonly painted = new WeakMap<HTMLCanvasElement, { pixels: Float32Array | null; colors: DigitColors }>();
  private colors: DigitColors | null = null;
  private colorsAt = -Infinity;

  /** `readColors` is usually `() => digitColors(host)`; `now` a clock in ms. */
  constructor(
    private readonly readColors: () => DigitColors,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private currentColors(fresh: boolean): DigitColors {
    const t = this.now();
    if (!this.colors || (fresh && t !== this.colorsAt) || t - this.colorsAt >= DigitPainter.THEME_CHECK_MS) {
      const read = this.readColors();
      if (!this.colors || !sameColors(this.colors, read)) this.colors = read;
      this.colorsAt = t;
    }
    return this.colors;
  }

  /** Paints `canvas` with the image at `offset` of `pixels` unless it already shows it, in these colours. */
  paint(canvas: HTMLCanvasElement, pixels: ArrayLike<number> | null, offset: number): void {
    const image = pixels ? copyImage(pixels, offset) : null;
    const last = this.painted.get(canvas);
    const colors = this.currentColors(!last || !samePixels(last.pixels, image));
    if (last && last.colors === colors && samePixels(last.pixels, image)) return;
    paintImage(canvas, image, 0, colors);
    this.painted.set(canvas, { pixels: image, colors });
  }
}

function copyImage(pixels: ArrayLike<number>, offset: number): Float32Array {
  const image = new Float32Array(MNIST_PIXELS);
  if (pixels instanceof Float32Array) image.set(pixels.subarray(offset, offset + MNIST_PIXELS));
  else for (let i = 0; i < MNIST_PIXELS; i++) image[i] = pixels[offset + i] ?? 0;
  return image;
}

function sameColors(a: DigitColors, b: DigitColors): boolean {
  return a.grid === b.grid && a.ink.every((v, i) => v === b.ink[i]) && a.paper.every((v, i) => v === b.paper[i]);
}

function samePixels(a: Float32Array | null, b: Float32Array | null): boolean {
  if (a === null || b === null) return a === b;
  for (let i = 0; i < MNIST_PIXELS; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Paints a 28 × 28 grey image into a canvas whose width and height are 28. */
export function paintImage(canvas: HTMLCanvasElement, pixels: ArrayLike<number> | null, offset: number, c: DigitColors): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(MNIST_SIDE, MNIST_SIDE);
  for (let i = 0; i < MNIST_PIXELS; i++) {
    const v = pixels ? Math.min(1, Math.max(0, pixels[offset + i] ?? 0)) : 0;
    const o = i * 4;
    image.data[o] = c.paper[0] + (c.ink[0] - c.paper[0]) * v;
    image.data[o + 1] = c.paper[1] + (c.ink[1] - c.paper[1]) * v;
    image.data[o + 2] = c.paper[2] + (c.ink[2] - c.paper[2]) * v;
    image.data[o + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}
