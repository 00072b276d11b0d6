import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../../../i18n/index';
import type { LabeledPoints, RegionsReadout } from '../../shared/readouts';
import { defineElement } from '../../../../components/shared/define';
import { emit } from '../../../../components/shared/events';
import { formatCoordinate } from '../../../../shared/format';
import { classMarker, traceMarker } from '../../../../components/shared/markers';
import { classColor, classColorVar, classShape } from '../../../../components/shared/palette';
import { hostStyles } from '../../../../components/shared/styles';
import { regionsStyles } from './distill-regions.styles';
import { toy2dMsg } from '../../i18n/index';

type Extent = [number, number, number, number];
type PanelKey = 'teacher' | 'student' | 'labelsOnly';

interface Point {
  x: number;
  y: number;
}

/** Crosshair steps per side of the map (Shift moves five at a time). */
const KEY_STEPS = 40;

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

interface Theme {
  colors: string[];
  background: string;
  ink: string;
  accent: string;
  focus: string;
  family: string;
  /** All of the above in one string, to tell when the theme changed. */
  key: string;
}

/**
 * Decision regions of the teacher, the student and (optionally) the labels-only student, side by
 * side: each cell takes its predicted class's colour, fainter where the model is unsure. Training
 * points sit on top (class colour and marker shape), probe points as numbered rings.
 * Click a map, or focus it and use the arrow keys and Enter, to move the selected probe.
 *
 * @summary Side-by-side decision-region maps with training and probe points.
 *
 * @slot - Not used.
 *
 * @event distill-probe-pick - `{ x, y }` in data coordinates: the user picked a point on a map.
 *
 * @csspart map - Each map's figure (also `map-teacher`, `map-student`, `map-labelsOnly`).
 * @csspart canvas - Each map's canvas.
 * @csspart key - The class and probe key under the maps.
 *
 * @cssproperty --distill-class-0-color - Class colours, 0 to 4.
 * @cssproperty --distill-surface-color - Map background (low-confidence cells fade to it).
 * @cssproperty --distill-map-size - Preferred width of each map (default 340px).
 * @cssproperty --distill-accent-color - Highlight of the selected probe.
 * @cssproperty --distill-focus-color - Focus ring and crosshair.
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillRegions extends LitElement {
  static override styles = [hostStyles, regionsStyles];

  @property({ attribute: false }) teacher: RegionsReadout | null = null;
  @property({ attribute: false }) student: RegionsReadout | null = null;
  /** Shown as a third map when not null. */
  @property({ attribute: false }) labelsOnly: RegionsReadout | null = null;
  /** Training points drawn on every map. */
  @property({ attribute: false }) points: LabeledPoints | null = null;
  /** Probe inputs, `count × 2`, drawn as numbered rings. */
  @property({ attribute: false }) probePoints: Float32Array | null = null;
  /** Index of the highlighted probe. */
  @property({ type: Number }) selected = 0;
  /** Number of classes (for the key and the maps' labels). */
  @property({ type: Number }) classes = 3;

  /** The keyboard crosshair, in data coordinates; shown on the focused map. */
  private cross: Point | null = null;
  private focused: PanelKey | null = null;
  /** What each canvas last showed, so unchanged maps are not repainted. */
  private painted = new WeakMap<HTMLCanvasElement, unknown[]>();
  private announcement = '';
  private sizes = new Map<Element, number>();
  private resizeObserver: ResizeObserver | null = null;
  private observed = new WeakSet<Element>();
  /** Regions rendered at grid resolution, reused until the readout or colours change. */
  private images = new WeakMap<RegionsReadout, { key: string; canvas: HTMLCanvasElement }>();

  private panels(): { key: PanelKey; label: string; readout: RegionsReadout | null }[] {
    const t = toy2dMsg.regions;
    const panels: { key: PanelKey; label: string; readout: RegionsReadout | null }[] = [
      { key: 'teacher', label: t.teacher, readout: this.teacher },
      { key: 'student', label: t.student, readout: this.student },
    ];
    if (this.labelsOnly) panels.push({ key: 'labelsOnly', label: t.labelsOnly, readout: this.labelsOnly });
    return panels;
  }

  /** The extent a panel draws in: its own readout's, else any other's. */
  private extentFor(readout: RegionsReadout | null): Extent | null {
    return (readout ?? this.teacher ?? this.student ?? this.labelsOnly)?.extent ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      for (const entry of entries) this.sizes.set(entry.target, entry.contentRect.width);
      this.paintAll();
    });
    if (this.hasUpdated) this.observeCanvases();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.observed = new WeakSet();
  }

  private observeCanvases(): void {
    if (!this.resizeObserver) return;
    for (const canvas of this.renderRoot.querySelectorAll('canvas')) {
      if (this.observed.has(canvas)) continue;
      this.observed.add(canvas);
      this.resizeObserver.observe(canvas);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.observeCanvases();
    this.paintAll();
  }

  private paintAll(): void {
    const canvases = this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas');
    const panels = this.panels();
    // Read the theme once per pass: getComputedStyle per colour per canvas cost more than painting.
    const theme = this.readTheme();
    canvases.forEach((canvas, i) => {
      const panel = panels[i];
      if (panel) this.paint(canvas, panel.key, panel.readout, theme);
    });
  }

  private readTheme(): Theme {
    const style = getComputedStyle(this);
    const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const theme = {
      colors: Array.from({ length: Math.max(this.classes, 1) }, (_, c) => value(classColorVar(c), classColor(c))),
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

  private regionImage(readout: RegionsReadout, colors: string[], background: string): HTMLCanvasElement {
    const key = `${colors.join()}|${background}|${this.classes}`;
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
    const chance = 1 / Math.max(this.classes, 2);
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

  private paint(canvas: HTMLCanvasElement, key: PanelKey, readout: RegionsReadout | null, theme: Theme): void {
    const size = this.sizes.get(canvas) ?? canvas.clientWidth;
    if (!size) return;
    const dpr = window.devicePixelRatio || 1;
    // Snapshots arrive up to 30 times a second, but a map changes only when one of these does.
    const signature = [readout, this.points, this.probePoints, this.selected, this.classes, size, dpr, this.focused === key ? this.cross : null, theme.key];
    const previous = this.painted.get(canvas);
    if (previous && previous.length === signature.length && previous.every((v, i) => v === signature[i])) return;
    this.painted.set(canvas, signature);
    const pixels = Math.round(size * dpr);
    if (canvas.width !== pixels || canvas.height !== pixels) {
      canvas.width = pixels;
      canvas.height = pixels;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const { background, ink, colors } = theme;
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, size, size);
    const extent = this.extentFor(readout);
    if (!extent) return;

    if (readout) {
      // Smoothing draws boundaries as the soft bands they are, rather than 64-cell staircases.
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(this.regionImage(readout, colors, background), 0, 0, size, size);
    }

    const points = this.points;
    if (points) {
      const r = Math.max(3, size / 95);
      ctx.lineWidth = 1;
      ctx.strokeStyle = 'rgba(20, 20, 25, 0.8)';
      for (let i = 0; i < points.count; i++) {
        const c = points.y[i]!;
        const p = toPixel({ x: points.x[2 * i]!, y: points.x[2 * i + 1]! }, extent, size);
        traceMarker(ctx, classShape(c), p.x, p.y, r);
        ctx.fillStyle = colors[c % colors.length]!;
        ctx.fill();
        ctx.stroke();
      }
    }

    const probes = this.probePoints;
    if (probes) {
      const { accent, family } = theme;
      const count = Math.floor(probes.length / 2);
      // Selected last, so it sits on top.
      const order = [...Array(count).keys()].sort((a, b) => Number(a === this.selected) - Number(b === this.selected));
      for (const i of order) {
        const p = toPixel({ x: probes[2 * i]!, y: probes[2 * i + 1]! }, extent, size);
        const selected = i === this.selected;
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

    if (this.focused === key && this.cross) {
      const p = toPixel(this.cross, extent, size);
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

  private pick(point: Point): void {
    this.cross = point;
    this.announcement = toy2dMsg.regions.picked(formatCoordinate(point.x), formatCoordinate(point.y));
    emit(this, 'distill-probe-pick', { x: point.x, y: point.y });
    this.requestUpdate();
  }

  private onClick(e: MouseEvent, readout: RegionsReadout | null): void {
    const extent = this.extentFor(readout);
    if (!extent) return;
    const rect = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    if (!rect.width) return;
    // The canvas is square; scale y by its own height in case a layout stretches it.
    const fx = (e.clientX - rect.left) / rect.width;
    const fy = (e.clientY - rect.top) / rect.height;
    this.pick(toData({ x: fx, y: fy }, extent, 1));
  }

  private onFocus(e: FocusEvent, key: PanelKey, readout: RegionsReadout | null): void {
    // The crosshair is for keyboard users; a mouse click focuses the canvas too but needs none.
    if (!(e.currentTarget as HTMLElement).matches(':focus-visible')) return;
    this.showCrosshair(key, readout);
  }

  private showCrosshair(key: PanelKey, readout: RegionsReadout | null): void {
    this.focused = key;
    const extent = this.extentFor(readout);
    if (!this.cross && extent) {
      const probes = this.probePoints;
      const i = this.selected;
      this.cross =
        probes && probes.length >= 2 * i + 2
          ? { x: probes[2 * i]!, y: probes[2 * i + 1]! }
          : { x: (extent[0] + extent[1]) / 2, y: (extent[2] + extent[3]) / 2 };
    }
    this.paintAll();
  }

  private onBlur(): void {
    this.focused = null;
    this.paintAll();
  }

  private onKey(e: KeyboardEvent, key: PanelKey, readout: RegionsReadout | null): void {
    if (this.focused !== key && (e.key.startsWith('Arrow') || e.key === 'Enter')) this.showCrosshair(key, readout);
    const extent = this.extentFor(readout);
    if (!extent || !this.cross) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.pick({ ...this.cross });
      return;
    }
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const [xmin, xmax, ymin, ymax] = extent;
    const k = e.shiftKey ? 5 : 1;
    this.cross = {
      x: Math.min(xmax, Math.max(xmin, this.cross.x + (move[0] * k * (xmax - xmin)) / KEY_STEPS)),
      y: Math.min(ymax, Math.max(ymin, this.cross.y + (move[1] * k * (ymax - ymin)) / KEY_STEPS)),
    };
    this.announcement = toy2dMsg.regions.crosshair(formatCoordinate(this.cross.x), formatCoordinate(this.cross.y));
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const t = toy2dMsg.regions;
    const probeCount = this.probePoints ? Math.floor(this.probePoints.length / 2) : 0;
    return html`<div class="maps">
        ${this.panels().map(
          ({ key, label, readout }) => html`<figure part="map map-${key}">
            <figcaption id="caption-${key}">${label}</figcaption>
            <div class="frame">
              <canvas
                part="canvas"
                data-testid="regions-${key}"
                tabindex="0"
                role="img"
                aria-label=${t.mapLabel(label, this.classes)}
                @click=${(e: MouseEvent) => this.onClick(e, readout)}
                @keydown=${(e: KeyboardEvent) => this.onKey(e, key, readout)}
                @focus=${(e: FocusEvent) => this.onFocus(e, key, readout)}
                @blur=${this.onBlur}
              ></canvas>
              ${readout ? nothing : html`<p class="waiting">${t.waiting}</p>`}
            </div>
          </figure>`,
        )}
      </div>
      <ul class="key" part="key" aria-label=${msg.legend}>
        ${Array.from({ length: this.classes }, (_, c) => html`<li>${classMarker(c)}${msg.className(c)}</li>`)}
        ${probeCount
          ? html`<li><span class="ring" aria-hidden="true">1</span>${t.probeKey}
                <span class="help">${t.probeKeyHelp}</span></li>`
          : nothing}
      </ul>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>`;
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

defineElement('distill-regions', DistillRegions);

declare global {
  interface HTMLElementTagNameMap {
    'distill-regions': DistillRegions;
  }
}
