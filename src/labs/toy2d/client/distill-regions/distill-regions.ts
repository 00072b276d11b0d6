import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '../../../../i18n/index';
import type { LabeledPoints, RegionsReadout } from '../../shared/readouts';
import { defineElement } from '../../../../components/shared/define';
import { emit } from '../../../../components/shared/events';
import { formatCoordinate } from '../../../../shared/format';
import { classMarker } from '../../../../components/shared/markers';
import { hostStyles } from '../../../../components/shared/styles';
import { regionsStyles } from './distill-regions.styles';
import { initialCrosshair, moveCrosshair } from './crosshair';
import { type Extent, paintMap, type Point, readTheme, RegionImages, type Theme, toData } from './map-painting';
import { toy2dMsg } from '../../i18n/index';

export { toData, toPixel } from './map-painting';

type PanelKey = 'teacher' | 'student' | 'labelsOnly';

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

  /** On a narrow screen, the student shown beside the teacher. */
  @state() private shown: 'student' | 'labelsOnly' = 'student';

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
  private images = new RegionImages();

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
    clearTimeout(this.paintTimer);
    this.paintTimer = undefined;
    this.paintAgain = false;
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
    this.paintSoon();
  }

  /**
   * Paints in tasks of their own after the snapshot's DOM updates, one new map per task: three new
   * maps (~20 ms together on a slow core) made the snapshot's task a long one, and even in one
   * task of their own reached 50 ms when the machine was busy. A snapshot that comes in while a
   * pass is under way starts another once it ends (maps already up to date are skipped).
   */
  private paintTimer: ReturnType<typeof setTimeout> | undefined;
  private paintAgain = false;
  private paintSoon(): void {
    if (this.paintTimer !== undefined) {
      this.paintAgain = true;
      return;
    }
    const from = (start: number, theme: Theme): void => {
      this.paintTimer = undefined;
      const next = this.paintFrom(start, theme, true);
      if (next >= 0) {
        this.paintTimer = setTimeout(() => from(next, theme));
      } else if (this.paintAgain) {
        this.paintAgain = false;
        this.paintSoon();
      }
    };
    this.paintTimer = setTimeout(() => from(0, readTheme(this, this.classes)));
  }

  private paintAll(): void {
    // Read the theme once per pass: getComputedStyle per colour per canvas cost more than painting.
    this.paintFrom(0, readTheme(this, this.classes), false);
  }

  /**
   * Paints the maps from index `start` on; with `one`, stops after the first that changed and
   * returns the index to go on from (-1: none left).
   */
  private paintFrom(start: number, theme: Theme, one: boolean): number {
    const canvases = this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas');
    const panels = this.panels();
    for (let i = start; i < canvases.length; i++) {
      const panel = panels[i];
      if (panel && this.paint(canvases[i]!, panel.key, panel.readout, theme) && one && i + 1 < canvases.length) return i + 1;
    }
    return -1;
  }

  /** Paints one map if anything it shows changed; returns whether it did. */
  private paint(canvas: HTMLCanvasElement, key: PanelKey, readout: RegionsReadout | null, theme: Theme): boolean {
    const size = this.sizes.get(canvas) ?? canvas.clientWidth;
    if (!size) return false;
    const dpr = window.devicePixelRatio || 1;
    // Snapshots arrive up to 10 times a second, but a map changes only when one of these does.
    const signature = [readout, this.points, this.probePoints, this.selected, this.classes, size, dpr, this.focused === key ? this.cross : null, theme.key];
    const previous = this.painted.get(canvas);
    if (previous && previous.length === signature.length && previous.every((v, i) => v === signature[i])) return false;
    this.painted.set(canvas, signature);
    const pixels = Math.round(size * dpr);
    if (canvas.width !== pixels || canvas.height !== pixels) {
      canvas.width = pixels;
      canvas.height = pixels;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    paintMap(ctx, size, dpr, {
      extent: this.extentFor(readout),
      regions: readout ? () => this.images.get(readout, theme.colors, theme.background, this.classes) : null,
      points: this.points,
      probes: this.probePoints,
      selected: this.selected,
      cross: this.focused === key ? this.cross : null,
      theme,
    });
    return true;
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
    if (!this.cross && extent) this.cross = initialCrosshair(this.probePoints, this.selected, extent);
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
    const moved = moveCrosshair(this.cross, extent, e.key, e.shiftKey);
    if (!moved) return;
    e.preventDefault();
    this.cross = moved;
    this.announcement = toy2dMsg.regions.crosshair(formatCoordinate(this.cross.x), formatCoordinate(this.cross.y));
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const t = toy2dMsg.regions;
    const probeCount = this.probePoints ? Math.floor(this.probePoints.length / 2) : 0;
    const panels = this.panels();
    const students = panels.filter((p) => p.key !== 'teacher');
    const shown = students.some((p) => p.key === this.shown) ? this.shown : 'student';
    return html`${students.length > 1
        ? html`<div class="compare" role="tablist" aria-label=${t.compareLabel}>
            ${students.map(
              (p) => html`<button
                type="button"
                role="tab"
                aria-selected=${p.key === shown ? 'true' : 'false'}
                @click=${() => (this.shown = p.key as 'student' | 'labelsOnly')}
              >
                ${t.compareTab(p.label)}
              </button>`,
            )}
          </div>`
        : nothing}
      <div class="maps">
        ${panels.map(
          ({ key, label, readout }) => html`<figure part="map map-${key}" class=${key !== 'teacher' && key !== shown ? 'other-student' : ''}>
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
        ${this.points?.labelled ? html`<li title=${t.unlabelledKeyHelp}><span class="hollow" aria-hidden="true"></span>${t.unlabelledKey}<span class="visually-hidden">: ${t.unlabelledKeyHelp}</span></li>` : nothing}
        ${probeCount
          ? html`<li><span class="ring" aria-hidden="true">1</span>${t.probeKey}
                <span class="help">${t.probeKeyHelp}</span></li>`
          : nothing}
      </ul>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>`;
  }
}

defineElement('distill-regions', DistillRegions);

declare global {
  interface HTMLElementTagNameMap {
    'distill-regions': DistillRegions;
  }
}
