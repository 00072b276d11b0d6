import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DigitReadout } from '../../shared/readouts';
import { defineElement } from '../../../../components/shared/define';
import { emit } from '../../../../components/shared/events';
import { formatKnob } from '../../../../shared/format';
import { hostStyles, legendStyles } from '../../../../components/shared/styles';
import '../../../../components/distill-bars/distill-bars';
import type { BarsModel } from '../../../../components/distill-bars/distill-bars';
import { digitsStyles } from './distill-digits.styles';
import { MNIST_PIXELS } from './digit-image';
import { DigitPainter, digitColors } from './digit-canvas';
import { DrawingPad } from './drawing-pad';
import { seriesChip, seriesFillStyles, studentStyle, TEACHER_STYLE } from '../../../../components/shared/series';
import { mnistMsg } from '../../i18n/index';

/** `DigitReadout.labels` value of a drawn image. */
export const DRAWN_LABEL = 255;
const CLASSES = 10;

/**
 * The MNIST lab's digit view: a strip of test digits and a drawing pad; for the chosen digit, the
 * teacher's and each student's probabilities over the ten digits, softened at temperature T (top
 * row: where a "2 that looks like a 7" shows its dark knowledge) and at T = 1 (bottom row), with
 * each model's top three digits written out. Models differ by colour and fill pattern.
 *
 * Drawing needs a pointer (mouse, pen, touch); the strip works with the keyboard (arrow keys,
 * Home, End). When a stroke ends, the whole drawing is scaled and centred like MNIST and sent as
 * `distill-digit-drawn`; when the next readout holds a drawn image (label 255), it is selected.
 *
 * @summary Test-digit strip, drawing pad, and teacher/student probabilities at T and at 1.
 *
 * @slot - Not used.
 *
 * @event distill-digit-select - `{ index }`: the user chose a test digit in the strip (index into the readout).
 * @event distill-digit-drawn - `{ image }`: a stroke ended; `image` is 784 values 0–1, MNIST-like (20 × 20 box, centred by mass).
 *
 * @csspart legend - The model legend.
 * @csspart strip - The list of test digits.
 * @csspart digit-button - Each test digit's button (`aria-pressed` on the chosen one).
 * @csspart draw - The drawing panel (pad, Clear, what the models see).
 * @csspart pad - The drawing canvas.
 * @csspart clear - The Clear button.
 * @csspart probabilities - The panel of bars and top-3 table for the chosen digit.
 * @csspart plot - Each row of bars.
 * @csspart bar - Each bar (also `bar-teacher`, `bar-student-1` … `bar-student-3`).
 * @csspart top - The top-3 table.
 *
 * @cssproperty --distill-teacher-color - Teacher bars (solid blue).
 * @cssproperty --distill-student-1-color - First student (striped vermillion; falls back to `--distill-student-color`).
 * @cssproperty --distill-student-2-color - Second student (dotted black).
 * @cssproperty --distill-student-3-color - Third student (cross-hatched reddish purple).
 * @cssproperty --distill-ink-color - Digit ink (default #1b1b1f); paper is `--distill-surface-color`.
 * @cssproperty --distill-accent-color - The chosen digit and the true-label marks.
 * @cssproperty --distill-pad-size - Side of the drawing pad (default 280px, 10 px per MNIST pixel).
 * @cssproperty --distill-strip-digit-size - Side of each strip digit (default 64px).
 * @cssproperty --distill-bar-height - Height of one row of bars (default 110px).
 * @cssproperty --distill-bar-transition - Bar animation time (default 250ms).
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillDigits extends LitElement {
  static override styles = [hostStyles, legendStyles, seriesFillStyles, digitsStyles];

  /** The latest digit readout, or null before the first one. */
  @property({ attribute: false }) digits: DigitReadout | null = null;
  /** Student names, in the order of `digits.students`. */
  @property({ attribute: false }) students: { id: string; label: string }[] = [];
  /** Index (into the readout) of the digit whose probabilities are shown. */
  @property({ type: Number }) selected = 0;
  /** One column, the distributions first and the drawing pad below them (beside a chart on a laptop screen). */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** The drawing pad: its ink, strokes, repaint and resize observer. */
  private pad = new DrawingPad(this, (image) => {
    this.drawn = image;
    this.awaitingDrawn = true;
    emit(this, 'distill-digit-drawn', { image: image.slice() });
  });
  /** Paints the strip's and the pad's small canvases when what they show changed. */
  private painter = new DigitPainter(() => digitColors(this));
  /** The last drawing as the models see it (centred 28 × 28), or null when the pad is blank. */
  @state() private drawn: Float32Array | null = null;
  /** A drawing was sent; select the drawn image when a readout brings it back. */
  @state() private awaitingDrawn = false;

  // ---------------------------------------------------------------- selection

  private stripIndices(d: DigitReadout | null): number[] {
    if (!d) return [];
    const out: number[] = [];
    for (let i = 0; i < d.count; i++) if (d.labels[i] !== DRAWN_LABEL) out.push(i);
    return out;
  }

  private drawnIndex(d: DigitReadout | null): number {
    if (!d) return -1;
    for (let i = d.count - 1; i >= 0; i--) if (d.labels[i] === DRAWN_LABEL) return i;
    return -1;
  }

  /** The digit shown: `selected` when the readout has it, else the first test digit (-1 if none). */
  private shown(d: DigitReadout | null): number {
    if (!d) return -1;
    if (Number.isInteger(this.selected) && this.selected >= 0 && this.selected < d.count) return this.selected;
    return this.stripIndices(d)[0] ?? -1;
  }

  private select(index: number, focus = false): void {
    if (index !== this.selected) {
      this.selected = index;
      this.awaitingDrawn = false;
      emit(this, 'distill-digit-select', { index });
    }
    if (focus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLButtonElement>(`.digit-button[data-index="${index}"]`)?.focus(),
      );
    }
  }

  private onStripKey(e: KeyboardEvent, strip: number[]): void {
    const at = strip.indexOf(this.shown(this.digits));
    let next: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = strip[Math.min(strip.length - 1, at + 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = strip[Math.max(0, at - 1)];
    else if (e.key === 'Home') next = strip[0];
    else if (e.key === 'End') next = strip[strip.length - 1];
    if (next === undefined) return;
    e.preventDefault();
    this.select(next, true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('digits') && this.awaitingDrawn) {
      const drawn = this.drawnIndex(this.digits);
      if (drawn >= 0) {
        this.selected = drawn;
        this.awaitingDrawn = false;
      }
    }
  }

  // ---------------------------------------------------------------- drawing and painting

  private clearPad(): void {
    this.drawn = null;
    this.awaitingDrawn = false;
    this.pad.clear();
    // The drawn image no longer exists on screen: go back to the first test digit.
    const strip = this.stripIndices(this.digits);
    if (this.digits?.labels[this.shown(this.digits)] === DRAWN_LABEL && strip.length) this.select(strip[0]!);
  }

  protected override firstUpdated(): void {
    this.pad.paint();
    this.pad.observe();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const d = this.digits;
    for (const canvas of this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-image]')) {
      const index = Number(canvas.dataset['image']);
      if (index < 0) this.painter.paint(canvas, this.drawn, 0);
      else this.painter.paint(canvas, d?.images ?? null, index * MNIST_PIXELS);
    }
  }

  // ---------------------------------------------------------------- rendering

  /** The teacher and `count` students, as `<distill-bars>` models. */
  private models(count: number): BarsModel[] {
    const models: BarsModel[] = [{ key: TEACHER_STYLE.key, label: mnistMsg.mnist.teacher, style: TEACHER_STYLE }];
    for (let i = 0; i < count; i++) {
      const style = studentStyle(i);
      models.push({ key: style.key, label: this.studentName(i), style });
    }
    return models;
  }

  private studentName(i: number): string {
    return this.students[i]?.label || mnistMsg.mnist.studentFallback(i);
  }

  private legend(): TemplateResult {
    const count = this.digits?.students.length ?? this.students.length;
    return html`<ul class="legend" part="legend" aria-label=${mnistMsg.mnist.modelsLegend}>
      ${this.models(count).map((m) => html`<li>${seriesChip(m.style)}${m.label}</li>`)}
    </ul>`;
  }

  private strip(d: DigitReadout | null): TemplateResult {
    const t = mnistMsg.mnist.digits;
    const strip = this.stripIndices(d);
    if (!d || strip.length === 0) return html`<p class="empty">${t.noDigits}</p>`;
    // Roving focus: only the chosen digit (or the first) is in the tab order; arrows move along.
    const shown = this.shown(d);
    const focusable = strip.includes(shown) ? shown : strip[0];
    return html`<ul class="strip" part="strip" aria-label=${t.stripLabel}>
      ${strip.map((index, position) => {
        const pressed = index === shown;
        const label = mnistMsg.mnist.digit(d.labels[index]!);
        return html`<li>
          <button
            type="button"
            class="digit-button"
            part="digit-button"
            data-index=${index}
            data-testid="digit-${index}"
            aria-pressed=${pressed ? 'true' : 'false'}
            aria-label=${t.digitButton(position + 1, label)}
            tabindex=${index === focusable ? 0 : -1}
            @click=${() => this.select(index)}
            @keydown=${(e: KeyboardEvent) => this.onStripKey(e, strip)}
          >
            <canvas class="pixels" width="28" height="28" data-image=${index} aria-hidden="true"></canvas>
            <span aria-hidden="true">${label}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private drawPanel(d: DigitReadout | null): TemplateResult {
    const t = mnistMsg.mnist.digits;
    const selectedIsDrawn = d !== null && d.labels[this.shown(d)] === DRAWN_LABEL;
    return html`<section class="panel draw ${selectedIsDrawn ? 'selected' : ''}" part="draw" aria-labelledby="pad-title">
      <h3 id="pad-title">${t.padTitle}</h3>
      <div class="pad-row">
        <canvas
          class="pad"
          part="pad"
          role="img"
          aria-label=${t.padLabel}
          width="280"
          height="280"
          data-testid="pad"
          @pointerdown=${this.pad.onPointerDown}
          @pointermove=${this.pad.onPointerMove}
          @pointerup=${this.pad.onPointerEnd}
          @pointercancel=${this.pad.onPointerEnd}
        ></canvas>
        <div class="pad-side">
          <button
            type="button"
            class="clear"
            part="clear"
            aria-label=${t.clearLabel}
            ?disabled=${this.drawn === null}
            @click=${this.clearPad}
          >
            ${t.clear}
          </button>
          <figure class="seen">
            <canvas class="pixels" width="28" height="28" data-image="-1" role="img" aria-label=${t.seenLabel}></canvas>
            <figcaption><b>${t.seenTitle}</b>${this.drawn ? t.seenHelp : t.blank}</figcaption>
          </figure>
        </div>
      </div>
      <p class="note">${t.keyboardNote}</p>
    </section>`;
  }

  private probabilities(d: DigitReadout | null): TemplateResult {
    const t = mnistMsg.mnist.digits;
    const index = this.shown(d);
    if (!d || index < 0 || this.awaitingDrawn) {
      return html`<section class="panel probabilities" part="probabilities">
        ${this.legend()}
        <p class="empty">${this.awaitingDrawn ? t.waitingDrawn : t.waiting}</p>
      </section>`;
    }
    const label = d.labels[index]!;
    const isDrawn = label === DRAWN_LABEL;
    const what = isDrawn ? t.selectedDrawn : t.selectedTest(mnistMsg.mnist.digit(label));
    const at = (probs: Float32Array) => probs.subarray(index * CLASSES, (index + 1) * CLASSES);
    const digits = Array.from({ length: CLASSES }, (_, c) => mnistMsg.mnist.digit(c));
    const temperature = formatKnob(d.temperature, 1);
    return html`<section class="panel probabilities" part="probabilities" aria-labelledby="selected-title">
      <div class="selected-head">
        <canvas class="pixels" width="28" height="28" data-image=${index} role="img" aria-label=${t.selectedImage(what)}></canvas>
        <h3 id="selected-title" data-testid="selected-title">${what}</h3>
      </div>
      ${this.legend()}
      <distill-bars
        exportparts="plot, bar, bar-teacher, bar-student-1, bar-student-2, bar-student-3, top"
        zoom
        .classes=${digits}
        .classTitles=${digits.map((digit) => `${t.digitAxis} ${digit}`)}
        .models=${this.models(d.students.length)}
        .atT=${[at(d.teacherAtT), ...d.students.map((s) => at(s.atT))]}
        .at1=${[at(d.teacherAt1), ...d.students.map((s) => at(s.at1))]}
        .temperature=${d.temperature}
        .highlight=${isDrawn ? -1 : label}
        .axisTitle=${t.digitAxis}
        .helpAtT=${t.atTHelp}
        .helpAt1=${t.atOneHelp}
        .captionAtT=${t.tableCaption(what, temperature)}
        .captionAt1=${t.tableCaption(what, formatKnob(1))}
        .topText=${3}
        .topCaption=${t.topTitle}
      ></distill-bars>
    </section>`;
  }

  override render(): TemplateResult {
    const d = this.digits;
    return html`<h3 id="strip-title">${mnistMsg.mnist.digits.stripTitle}</h3>
      ${this.strip(d)}
      <div class="main">${this.compact ? html`${this.probabilities(d)} ${this.drawPanel(d)}` : html`${this.drawPanel(d)} ${this.probabilities(d)}`}</div>`;
  }
}

defineElement('distill-digits', DistillDigits);

declare global {
  interface HTMLElementTagNameMap {
    'distill-digits': DistillDigits;
  }
}
