import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../../../../components/shared/define';
import { seriesChip, studentStyle, seriesFillStyles } from '../../../../components/shared/series';
import { hostStyles } from '../../../../components/shared/styles';
import { formatFixed, formatInteger, formatNats } from '../../../../shared/format';
import { namesMsg } from '../../i18n/index';
import { formatDollars, type MeterRow } from '../view-data';

/**
 * The access meter: per student, the teacher queries, the tokens scored or generated, the simulated
 * bill at the chosen price, and what it bought (validation NLL, perplexity, KL to the teacher).
 *
 * @summary Teacher queries, tokens and simulated bill per student.
 *
 * @csspart table - The meter table.
 */
export class DistillNamesMeter extends LitElement {
  static override styles = [
    hostStyles,
    seriesFillStyles,
    css`
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.3rem 0.5rem;
        text-align: right;
        border-bottom: 1px solid var(--distill-border-color, #d7d7de);
        white-space: nowrap;
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      caption {
        text-align: left;
        font-weight: 600;
        margin-bottom: 0.3rem;
      }
      .ppl {
        font-size: 0.88em;
        color: var(--distill-muted-color, #4a4a55);
      }
      th {
        white-space: normal;
        vertical-align: bottom;
      }
      .note {
        font-size: 0.9em;
        color: var(--distill-muted-color, #4a4a55);
        margin: 0.5rem 0 0;
      }
    `,
  ];

  @property({ attribute: false }) rows: MeterRow[] = [];
  @property({ attribute: false }) labels: string[] = [];
  /** Dollars per million tokens, as set. */
  @property({ type: Number }) price = 0;

  override render(): TemplateResult | typeof nothing {
    if (this.rows.length === 0) return nothing;
    const t = namesMsg.meter;
    return html`<div class="scroll">
        <table part="table" data-testid="meter">
          <caption>
            ${t.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.model}</th>
              <th scope="col">${t.queries}</th>
              <th scope="col">${t.tokens}</th>
              <th scope="col">${t.bill}</th>
              <th scope="col">${t.nll}</th>
              <th scope="col">${t.kl}</th>
              <th scope="col">${t.perNll}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rows.map(
              (r) => html`<tr data-testid="meter-row-${r.index + 1}">
                <th scope="row">${seriesChip(studentStyle(r.index))}${this.labels[r.index] ?? ''}</th>
                <td>${r.queries ? formatInteger(r.queries) : t.none}</td>
                <td>${formatInteger(r.tokens)}</td>
                <td>${formatDollars(r.bill)}</td>
                <td><span data-testid="nll-${r.index + 1}">${formatNats(r.nll)}</span><br /><span class="ppl">${t.perplexity(formatFixed(r.perplexity, 2))}</span></td>
                <td>${formatNats(r.kl)}</td>
                <td>${r.billPerNat === null ? '\u2014' : formatDollars(r.billPerNat)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="note">${t.note} ${t.priceLine(formatDollars(this.price))}</p>`;
  }
}

defineElement('distill-names-meter', DistillNamesMeter);

declare global {
  interface HTMLElementTagNameMap {
    'distill-names-meter': DistillNamesMeter;
  }
}
