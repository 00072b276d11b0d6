/** The students' episode returns so far as a table: every number the curves show, as text. */
import { html, type TemplateResult } from 'lit';
import { seriesChip } from '../../../components/shared/series';
import { formatFixed, formatInteger, formatNats } from '../../../shared/format';
import { cartpoleMsg } from '../i18n/index';
import { STUDENT_ROLES, type CartpoleReadout } from '../shared/readouts';
import { STUDENT_STYLE } from './curves';

export function scoreTable(r: CartpoleReadout | null): TemplateResult {
  const t = cartpoleMsg.score;
  const h = t.header;
  return html`<table class="score" data-testid="score">
    <caption>
      ${t.caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${h.student}</th>
        <th scope="col">${h.episodes}</th>
        <th scope="col">${h.last}</th>
        <th scope="col">${h.mean}</th>
        <th scope="col">${h.solved}</th>
        <th scope="col">${h.kl}</th>
      </tr>
    </thead>
    <tbody>
      ${STUDENT_ROLES.map((role) => {
        const s = r?.[role];
        return html`<tr data-testid="score-${role}">
          <th scope="row">${seriesChip(STUDENT_STYLE[role])} ${cartpoleMsg.roles[role]}</th>
          <td class="num">${formatInteger(s?.episodes ?? 0)}</td>
          <td class="num">${formatInteger(s && Number.isFinite(s.lastReturn) ? s.lastReturn : null)}</td>
          <td class="num" data-testid="mean-${role}">${formatFixed(s && Number.isFinite(s.meanReturn) ? s.meanReturn : null, 1)}</td>
          <td class="num">${s?.solvedAt != null ? t.steps(formatInteger(s.solvedAt)) : t.notYet}</td>
          <td class="num">${formatNats(s && Number.isFinite(s.klToTeacher) ? s.klToTeacher : null)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
