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
