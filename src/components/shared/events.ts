/**
 * The public `distill-*` events of the shared element kit: detail types and their entries in
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('distill-command', e => e.detail…)` is
 * typed. All are bubbling and composed: they cross shadow roots up to the embedding page. Each
 * lab adds its own views' events to `DistillEventMap` from its folder (`client/events.ts`).
 */
import type { BackendChoice, Speed } from '../../state/common';

export type DistillCommand = 'play' | 'pause' | 'step' | 'reset';
export interface DistillCommandDetail {
  command: DistillCommand;
}

/** The status notice was dismissed (`distill-status`). */
export interface DistillMessageDismissDetail {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

/** Speed or backend chosen in `<distill-run-controls>`; each lab panel re-emits it as its own change event. */
export type DistillRunChangeDetail = { speed: Speed } | { backend: BackendChoice };

export interface DistillEventMap {
  'distill-command': CustomEvent<DistillCommandDetail>;
  'distill-message-dismiss': CustomEvent<DistillMessageDismissDetail>;
  'distill-run-change': CustomEvent<DistillRunChangeDetail>;
}

/** Dispatches a bubbling, composed `distill-*` event from `target`. */
export function emit<K extends keyof DistillEventMap>(
  target: EventTarget,
  type: K,
  detail: DistillEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap extends DistillEventMap {}
}
