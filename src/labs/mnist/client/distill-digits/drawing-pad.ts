/**
 * The drawing pad of `<distill-digits>`, as a Lit reactive controller: the pad's ink (kept at
 * 4 × MNIST's resolution), pointer strokes on the host's `canvas.pad`, its repaint (a 28 × 28 image
 * shown large, with faint pixel lines) and its resize observer. When a stroke ends, the whole
 * drawing, scaled and centred like MNIST, goes to `onDrawn`.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { type Brush, centreDigit, createInkGrid, downsample, MNIST_SIDE, paintDab, paintSegment } from './digit-image';
import { type DigitColors, digitColors, paintImage } from './digit-canvas';

/** The pad keeps its ink at 4 × MNIST's resolution: smoother strokes, and a better centring input. */
const INK_SCALE = 4;
const INK_SIDE = MNIST_SIDE * INK_SCALE;
/** A stroke about 3 pad pixels wide with an anti-aliased rim: MNIST-like once scaled to the 20-pixel box. */
const BRUSH: Brush = { core: 1.0 * INK_SCALE, edge: 1.8 * INK_SCALE };

export class DrawingPad implements ReactiveController {
  /** The pad's ink, at INK_SIDE resolution. */
  private ink = createInkGrid(INK_SIDE);
  private stroke: { id: number; x: number; y: number } | null = null;
  private frame = 0;
  private resizeObserver: ResizeObserver | null = null;

  /** `onDrawn`: a stroke ended; the drawing as the models see it (centred 28 × 28, 0–1). */
  constructor(
    private readonly host: ReactiveElement,
    private readonly onDrawn: (image: Float32Array) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.hasUpdated) this.observe();
  }

  hostDisconnected(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.stroke = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  private canvas(): HTMLCanvasElement | null {
    return this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas.pad');
  }

  private point(e: PointerEvent, pad: HTMLCanvasElement): { x: number; y: number } {
    const r = pad.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * INK_SIDE, y: ((e.clientY - r.top) / r.height) * INK_SIDE };
  }

  readonly onPointerDown = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (this.stroke) return;
    const pad = e.currentTarget as HTMLCanvasElement;
    pad.setPointerCapture(e.pointerId);
    e.preventDefault();
    const p = this.point(e, pad);
    this.stroke = { id: e.pointerId, ...p };
    paintDab(this.ink, p.x, p.y, BRUSH);
    this.schedule();
  };

  readonly onPointerMove = (e: PointerEvent): void => {
    if (!this.stroke || e.pointerId !== this.stroke.id) return;
    const pad = e.currentTarget as HTMLCanvasElement;
    // Coalesced events keep fast strokes smooth where the browser batches pointer moves.
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const ev of events.length ? events : [e]) {
      const p = this.point(ev, pad);
      paintSegment(this.ink, this.stroke.x, this.stroke.y, p.x, p.y, BRUSH);
      this.stroke.x = p.x;
      this.stroke.y = p.y;
    }
    this.schedule();
  };

  readonly onPointerEnd = (e: PointerEvent): void => {
    if (!this.stroke || e.pointerId !== this.stroke.id) return;
    this.stroke = null;
    this.paint();
    this.onDrawn(centreDigit(this.ink.data, INK_SIDE));
  };

  /** Wipes the ink (and any stroke under way) and repaints the blank pad. */
  clear(): void {
    this.ink = createInkGrid(INK_SIDE);
    this.stroke = null;
    this.paint();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  /** Repaints the pad at its new size (its backing store follows CSS size × devicePixelRatio). */
  observe(): void {
    const pad = this.canvas();
    if (!pad || this.resizeObserver) return;
    this.resizeObserver = new ResizeObserver(() => this.schedule());
    this.resizeObserver.observe(pad);
  }

  paint(colors: DigitColors = digitColors(this.host)): void {
    const pad = this.canvas();
    if (!pad) return;
    const side = Math.max(MNIST_SIDE, Math.round(pad.clientWidth * (window.devicePixelRatio || 1)));
    if (pad.width !== side) {
      pad.width = side;
      pad.height = side;
    }
    const ctx = pad.getContext('2d');
    if (!ctx) return;
    const small = document.createElement('canvas');
    small.width = MNIST_SIDE;
    small.height = MNIST_SIDE;
    paintImage(small, downsample(this.ink, MNIST_SIDE), 0, colors);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, 0, 0, side, side);
    // Faint lines between MNIST pixels: the pad is a 28 × 28 image, shown large.
    ctx.strokeStyle = colors.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = 1; k < MNIST_SIDE; k++) {
      const at = Math.round((k * side) / MNIST_SIDE) + 0.5;
      ctx.moveTo(at, 0);
      ctx.lineTo(at, side);
      ctx.moveTo(0, at);
      ctx.lineTo(side, at);
    }
    ctx.stroke();
  }
}
