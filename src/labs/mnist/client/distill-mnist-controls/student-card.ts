/**
 * One student's card in `<distill-mnist-controls>`: its objective, what it sees of the teacher, and
 * its shape. A template function (not an element), so its fields share the panel's shadow root and
 * styles; the panel passes what an edit should do.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../../../i18n/index';
import { mlpParameterCount } from '../../../../state/common';
import {
  ACCESS_LEVELS,
  type AccessLevel,
  MNIST_CLASSES,
  MNIST_LIMITS,
  MNIST_PIXELS,
  OBJECTIVES,
  type Objective,
  type StudentSpec,
} from '../../shared/schema';
import { field, numberInput, selectField } from '../../../../components/shared/fields';
import { formatInteger } from '../../../../shared/format';
import { mnistMsg } from '../../i18n/index';

export interface StudentCardActions {
  set(patch: Partial<StudentSpec>): void;
  setLayers(layers: number): void;
  setUnits(layer: number, units: number): void;
  remove(): void;
  /** Put a field's shown value back (an emptied entry). */
  restore(): void;
}

/** The card of student `i` of `count`. */
export function studentCard(s: StudentSpec, i: number, count: number, act: StudentCardActions): TemplateResult {
  const t = mnistMsg.mnistControls;
  const c = msg.controls;
  const name = t.studentName(i);
  const id = `s${i}`;
  const usesTeacher = s.objective !== 'labels';
  const summary = [t.objectiveNames[s.objective], ...(usesTeacher ? [t.accessShort(s.access, s.k)] : []), t.shape(s.hidden)];
  const params = mlpParameterCount(MNIST_PIXELS, s.hidden, MNIST_CLASSES);
  const shapeHelp = `${id}-units-help`;
  return html`<fieldset class="student" part="student" data-testid="student">
    <legend>${name}</legend>
    <div class="student-head">
      <p class="summary value" part="student-summary" data-testid="student-summary">
        ${summary.map((part, j) => html`${j ? t.summarySeparator : ''}<span class="part">${part}</span>`)}
      </p>
      ${count > MNIST_LIMITS.students.min
        ? html`<button type="button" class="small" part="button remove-student" aria-label=${t.removeLabel(name)} @click=${act.remove}>
            ${t.remove}
          </button>`
        : nothing}
    </div>
    ${selectField({
      id: `${id}-objective`,
      label: t.objective,
      help: t.objectiveHelps[s.objective],
      options: OBJECTIVES,
      current: s.objective,
      text: (o) => t.objectiveNames[o],
      onPick: (objective: Objective) => act.set({ objective }),
      name: t.studentControl(name, t.objectiveName),
    })}
    ${usesTeacher
      ? html`<div class="row ${s.access === 'topk' ? 'row-k' : 'row-1'}">
          ${selectField({
            id: `${id}-access`,
            label: t.access,
            options: ACCESS_LEVELS,
            current: s.access,
            text: (a) => t.accessNames[a],
            onPick: (access: AccessLevel) => act.set({ access }),
            name: t.studentControl(name, t.accessName),
          })}
          ${s.access === 'topk'
            ? field(
                { id: `${id}-k`, label: t.k },
                numberInput({
                  id: `${id}-k`,
                  range: MNIST_LIMITS.k,
                  value: s.k,
                  onValue: (k) => act.set({ k }),
                  restore: act.restore,
                  name: t.studentControl(name, t.kName),
                  describedBy: `${id}-access-help`,
                }),
              )
            : nothing}
          <p class="help span" part="help" id="${id}-access-help">
            ${t.accessHelps[s.access]}${s.access === 'topk' ? html` ${t.kHelp}` : nothing}
          </p>
        </div>`
      : nothing}
    <div class="row ${s.hidden.length === 2 ? 'row-3' : ''}">
      ${field(
        { id: `${id}-layers`, label: t.hiddenLayers },
        numberInput({
          id: `${id}-layers`,
          range: MNIST_LIMITS.hiddenLayers,
          value: s.hidden.length,
          onValue: act.setLayers,
          restore: act.restore,
          name: t.studentControl(name, t.hiddenLayersName),
          describedBy: shapeHelp,
        }),
      )}
      ${s.hidden.map((units, layer) =>
        field(
          { id: `${id}-units-${layer + 1}`, label: t.layerUnits(layer + 1) },
          numberInput({
            id: `${id}-units-${layer + 1}`,
            range: MNIST_LIMITS.units,
            value: units,
            onValue: (u) => act.setUnits(layer, u),
            restore: act.restore,
            name: t.studentControl(name, t.layerUnitsName(layer + 1)),
            describedBy: shapeHelp,
          }),
        ),
      )}
      <p class="help span" part="help" id=${shapeHelp}>${t.hiddenLayersHelp} ${t.unitsHelp}</p>
    </div>
    <p class="note" data-testid="student-shape">
      ${c.shape([MNIST_PIXELS, ...s.hidden, MNIST_CLASSES])} · ${c.parameters(formatInteger(params))}
    </p>
  </fieldset>`;
}
