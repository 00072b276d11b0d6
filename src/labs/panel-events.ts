/**
 * The events a lab's panel sends the playground (bubbling and composed, like every `distill-*`
 * event): a new experiment, a view setting, a named input for the run. Commands use the kit's
 * `distill-command`.
 */
import type { ViewSettings } from '../state/common';

/** The lab's whole updated experiment (a fresh copy), and the preset it came from, if any. */
export interface DistillExperimentChangeDetail {
  experiment: unknown;
  preset?: string | null;
}

/** Backend or speed chosen in a panel. */
export type DistillViewChangeDetail = Partial<ViewSettings>;

/** A named input for the run: the 2-D lab's `probes`, the MNIST lab's `digits`. */
export interface DistillInputDetail {
  name: string;
  payload: unknown;
}

export interface DistillPanelEventMap {
  'distill-experiment-change': CustomEvent<DistillExperimentChangeDetail>;
  'distill-view-change': CustomEvent<DistillViewChangeDetail>;
  'distill-input': CustomEvent<DistillInputDetail>;
}

export function emitPanel<K extends keyof DistillPanelEventMap>(target: EventTarget, type: K, detail: DistillPanelEventMap[K]['detail']): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap extends DistillPanelEventMap {}
}
