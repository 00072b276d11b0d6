/**
 * The two settings groups every lab's controls element has: Run (Play / Pause, Step, Reset, with
 * what they do) first, and Compute (speed and backend, with what actually runs) last. One place,
 * so each lab's panel only says where they go.
 */
import { html, type TemplateResult } from 'lit';
import type { BackendChoice, Speed } from '../../state/common';
import type { BackendInfo } from '../../../workers/trainer-api';
import type { DistillRunChangeDetail } from '../shared/events';
import { RUN_CONTROLS_PARTS } from './distill-run-controls';
import './distill-run-controls';

export interface RunGroupsSpec {
  legends: { run: string; compute: string };
  running: boolean;
  speed: Speed;
  backend: BackendChoice;
  backendInfo?: BackendInfo;
  onChange: (e: CustomEvent<DistillRunChangeDetail>) => void;
}

export function runGroup(spec: RunGroupsSpec): TemplateResult {
  return html`<fieldset part="group group-run">
    <legend>${spec.legends.run}</legend>
    <distill-run-controls show="play" exportparts=${RUN_CONTROLS_PARTS} .running=${spec.running} @distill-run-change=${spec.onChange}></distill-run-controls>
  </fieldset>`;
}

export function computeGroup(spec: RunGroupsSpec): TemplateResult {
  return html`<fieldset part="group group-compute">
    <legend>${spec.legends.compute}</legend>
    <distill-run-controls
      show="compute"
      exportparts=${RUN_CONTROLS_PARTS}
      .speed=${spec.speed}
      .backend=${spec.backend}
      .backendInfo=${spec.backendInfo}
      @distill-run-change=${spec.onChange}
    ></distill-run-controls>
  </fieldset>`;
}
