/**
 * Painting of `<distill-regions>`' maps: the theme read from CSS, the decision regions rendered at
 * grid resolution (cached per readout), and one map with its training points, probe rings and
 * keyboard crosshair on top.
 */
import type { LabeledPoints, RegionsReadout } from '../../shared/readouts';
import { traceMarker } from '../../../../components/shared/markers';
import { classColor, classColorVar, classShape } from '../../../../components/shared/palette';

export type Extent = [number, number, number, number];

export interface Point {
  x: number;
  y: number;
}

/** Data → CSS-pixel position within a square of side `size`. */
export function toPixel(p: Point, extent: Extent, size: number): Point {
  const [xmin, xmax, ymin, ymax] = extent;
  return { x: ((p.x - xmin) / (xmax - xmin)) * size, y: ((ymax - p.y) / (ymax - ymin)) * size };
}

/** CSS-pixel position within a square of side `size` → data coordinates (y grows upward). */
export function toData(px: Point, extent: Extent, size: number): Point {
  const [xmin, xmax, ymin, ymax] = extent;
  return { x: xmin + (px.x / size) * (xmax - xmin), y: ymax - (px.y / size) * (ymax - ymin) };
}

export interface Theme {
  colors: string[];
  background: string;
  ink: string;
  accent: string;
  focus: string;
  family: string;
  /** All of the above in one string, to tell when the theme changed. */
  key: string;
}

/** The maps' colours and font, read from `host`'s computed style (`classes` class colours). */
export function readTheme(host: Element, classes: number): Theme {
  const style = getComputedStyle(host);
  const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const theme = {
    colors: Array.from({ length: Math.max(classes, 1) }, (_, c) => value(classColorVar(c), classColor(c))),
    background: value('--distill-surface-color', '#ffffff'),
    ink: value('--distill-text-color', '#1b1b1f'),
    accent: value('--distill-accent-color', '#0072b2'),
    focus: value('--distill-focus-color', '#1a5fb4'),
    family: style.fontFamily || 'sans-serif',
    key: '',
  };
  theme.key = [...theme.colors, theme.background, theme.ink, theme.accent, theme.focus, theme.family].join('|');
  return theme;
}

/** Regions rendered at grid resolution, reused until the readout or colours change. */
export class RegionImages {
  private images = new WeakMap<RegionsReadout, { key: string; canvas: HTMLCanvasElement }>();

  get(readout: RegionsReadout, colors: string[], background: string, classes: number): HTMLCanvasElement {
    const key = `${colors.join()}|${background}|${classes}`;
    const cached = this.images.get(readout);
    if (cached && cached.key === key) return cached.canvas;
    const { size, argmax, confidence } = readout;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    const rgb = colors.map((c) => toRgb(ctx, c));
    const bg = toRgb(ctx, background);
    const image = ctx.createImageData(size, size);
    const chance = 1 / Math.max(classes, 2);
    for (let cell = 0; cell < size * size; cell++) {
      const color = rgb[argmax[cell]! % rgb.length]!;
      // Confidence runs from chance (1/K, unsure) to 1; map it to 12 %–80 % opacity.
      const sure = Math.min(1, Math.max(0, (confidence[cell]! / 255 - chance) / (1 - chance)));
      const a = 0.12 + 0.68 * sure;
      const o = cell * 4;
      image.data[o] = bg[0] + (color[0] - bg[0]) * a;
      image.data[o + 1] = bg[1] + (color[1] - bg[1]) * a;
      image.data[o + 2] = bg[2] + (color[2] - bg[2]) * a;
      image.data[o + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    this.images.set(readout, { key, canvas });
    return canvas;
  }
}

/** What one map shows. */
export interface MapScene {
  /** The extent the map draws in; null: background only. */
  extent: Extent | null;
  /** The regions image (asked for only when there is an extent), or null before a readout. */
  regions: (() => HTMLCanvasElement) | null;
  points: LabeledPoints | null;
  probes: Float32Array | null;
  selected: number;
  /** The keyboard crosshair, in data coordinates, or null when not shown on this map. */
  cross: Point | null;
  theme: Theme;
}

/** Paints one map into `ctx`, a square of `size` CSS pixels at `dpr` device pixels each. */
export function paintMap(ctx: CanvasRenderingContext2D, size: number, dpr: number, scene: MapScene): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const { theme, extent } = scene;
  const { background, ink, colors } = theme;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, size, size);
  if (!extent) return;

  if (scene.regions) {
    // Smoothing draws boundaries as the soft bands they are, rather than 64-cell staircases.
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(scene.regions(), 0, 0, size, size);
  }

  const points = scene.points;
  if (points) {
    const r = Math.max(3, size / 95);
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgba(20, 20, 25, 0.8)';
    const mask = points.labelled;
    // Unlabelled points first, small and hollow (only the teacher answers for them); labelled ones
    // on top, larger when they are few, in their class's colour and shape.
    if (mask) {
      ctx.strokeStyle = 'rgba(20, 20, 25, 0.45)';
      for (let i = 0; i < points.count; i++) {
        if (mask[i]) continue;
        const p = toPixel({ x: points.x[2 * i]!, y: points.x[2 * i + 1]! }, extent, size);
        ctx.beginPath();
        ctx.arc(p.x, p.y, r * 0.55, 0, Math.PI * 2);
        ctx.stroke();
      }
      ctx.strokeStyle = 'rgba(20, 20, 25, 0.9)';
      ctx.lineWidth = 1.5;
    }
    const labelledRadius = mask ? r * 1.6 : r;
    for (let i = 0; i < points.count; i++) {
      if (mask && !mask[i]) continue;
      const c = points.y[i]!;
      const p = toPixel({ x: points.x[2 * i]!, y: points.x[2 * i + 1]! }, extent, size);
      traceMarker(ctx, classShape(c), p.x, p.y, labelledRadius);
      ctx.fillStyle = colors[c % colors.length]!;
      ctx.fill();
      ctx.stroke();
    }
  }

  const probes = scene.probes;
  if (probes) {
    const { accent, family } = theme;
    const count = Math.floor(probes.length / 2);
    // Selected last, so it sits on top.
    const order = [...Array(count).keys()].sort((a, b) => Number(a === scene.selected) - Number(b === scene.selected));
    for (const i of order) {
      const p = toPixel({ x: probes[2 * i]!, y: probes[2 * i + 1]! }, extent, size);
      const selected = i === scene.selected;
      const r = selected ? 14 : 11.5;
      ctx.beginPath();
      ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
      ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
      ctx.fill();
      ctx.lineWidth = selected ? 4 : 2.25;
      ctx.strokeStyle = selected ? accent : ink;
      ctx.stroke();
      if (selected) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, r + 3, 0, Math.PI * 2);
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = '#ffffff';
        ctx.stroke();
      }
      ctx.fillStyle = ink;
      ctx.font = `700 ${selected ? 15 : 13}px ${family}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(String(i + 1), p.x, p.y + 0.5);
    }
  }

  if (scene.cross) {
    const p = toPixel(scene.cross, extent, size);
    ctx.save();
    ctx.strokeStyle = theme.focus;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(p.x, 0);
    ctx.lineTo(p.x, size);
    ctx.moveTo(0, p.y);
    ctx.lineTo(size, p.y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 7, 0, Math.PI * 2);
    ctx.stroke();
    ctx.restore();
  }
}

/** Any CSS colour → [r, g, b] via the canvas's own parser. */
function toRgb(ctx: CanvasRenderingContext2D, color: string): [number, number, number] {
  ctx.fillStyle = '#000000';
  ctx.fillStyle = color;
  const normal = String(ctx.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normal);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(normal);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return [128, 128, 128];
}
