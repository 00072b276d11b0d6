import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../shared/define';
import { hostStyles } from '../shared/styles';
import { msg } from '../../i18n/index';
import type { GainView } from './gain-view';

/**
 * "What the teacher added": the distilled student against the one without a teacher, as headline
 * figures (with both numbers as text), a "Look for" line for the current data set or preset, and
 * why when the distilled student is behind. Lab-agnostic: a lab hands it a `GainView`.
 *
 * @summary Headline figures of what the teacher adds, with what to look for and why.
 *
 * @slot - Not used.
 *
 * @csspart figure - Each headline figure (also `figure-<key>`).
 * @csspart value - A figure's number.
 * @csspart look-for - The "Look for" line.
 * @csspart why - The explanation shown when the distilled student is behind.
 *
 * @cssproperty --distill-gain-better - Colour of a gain (default bluish green, #00785a).
 * @cssproperty --distill-gain-worse - Colour of a loss (default vermillion, #b34700).
 * @cssproperty --distill-surface-color - Background.
 * @cssproperty --distill-border-color - Border.
 * @cssproperty --distill-muted-color - Secondary text.
 */
export class DistillGain extends LitElement {
  static override styles = [
    hostStyles,
    css`
      :host {
        --_surface: var(--distill-surface-color, #ffffff);
        --_border: var(--distill-border-color, #d7d7de);
        --_muted: var(--distill-muted-color, #4a4a55);
        --_better: var(--distill-gain-better, #00785a);
        --_worse: var(--distill-gain-worse, #b34700);
      }
      .box {
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-left: 5px solid var(--distill-teacher-color, #0072b2);
        border-radius: 10px;
        padding: 0.45em 0.9em 0.5em;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.1em 1.1em;
      }
      h2 {
        font-size: 1em;
        margin: 0;
      }
      .figure {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0 0.4em;
      }
      .value {
        font-size: 1.25em;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .better .value {
        color: var(--_better);
      }
      .worse .value {
        color: var(--_worse);
      }
      .label {
        font-weight: 600;
      }
      .detail {
        color: var(--_muted);
        font-size: 0.88em;
      }
      p {
        margin: 0.1em 0 0;
        font-size: 0.92em;
        line-height: 1.35;
      }
      .why {
        color: var(--_worse);
      }
      .placeholder {
        color: var(--_muted);
      }
    `,
  ];

  @property({ attribute: false }) view: GainView | null = null;

  override render(): TemplateResult {
    const v = this.view;
    const t = msg.gain;
    return html`<section class="box" aria-labelledby="gain-title" aria-live="off">
      <div class="head">
        <h2 id="gain-title">${t.title}</h2>
        ${v?.placeholder || !v || v.figures.length === 0
          ? html`<span class="placeholder">${v?.placeholder ?? t.waiting}</span>`
          : v.figures.map(
              (f) => html`<span class="figure ${f.tone}" part="figure figure-${f.key}" data-testid="gain-${f.key}">
                <span class="value" part="value">${f.value}</span>
                <span class="label">${f.label}</span>
                ${f.detail ? html`<span class="detail">(${f.detail})</span>` : nothing}
              </span>`,
            )}
      </div>
      ${v?.lookFor ? html`<p part="look-for" data-testid="look-for"><strong>${t.lookFor}</strong> ${v.lookFor}</p>` : nothing}
      ${v?.why ? html`<p class="why" part="why" data-testid="gain-why"><strong>${t.why}</strong> ${v.why}</p>` : nothing}
    </section>`;
  }
}

defineElement('distill-gain', DistillGain);

declare global {
  interface HTMLElementTagNameMap {
    'distill-gain': DistillGain;
  }
}
