/**
 * Page-level (view) parameters every lab shares: which lab is shown, the backend and the play
 * speed. They live in the link but never change what a run computes.
 */
import { BACKEND_CHOICES, LABS, SPEEDS, type BackendChoice, type Speed } from '../state/experiment';
import * as engine from './params';
import type { Problem } from './problems';

export interface ViewState {
  lab: string;
  backend: BackendChoice;
  speed: Speed;
}

/** The view table for a set of lab ids (the registry's, once it lists them). */
export function viewTable(labIds: readonly string[]): engine.ParamTable<ViewState> {
  return {
    entries: [
      { key: 'lab', url: 'lab', kind: 'enum', options: labIds },
      { key: 'backend', url: 'backend', kind: 'enum', options: BACKEND_CHOICES, live: true },
      // 0 is "as fast as the backend allows"; `max` says so in a link.
      { key: 'speed', url: 'speed', kind: 'enum', options: SPEEDS, aliases: { max: 0 }, live: true },
    ],
  };
}

export const viewParams: engine.ParamTable<ViewState> = viewTable(LABS);

export function parseView<E extends ViewState>(search: URLSearchParams | string, base: E): { experiment: E; problems: Problem[] } {
  return engine.parse(viewParams, search, base);
}

export function serializeView(v: ViewState): string {
  return engine.serialize(viewParams, v);
}

export function viewUrlKeys(): string[] {
  return engine.urlKeys(viewParams);
}
