/**
 * Page-level (view) parameters every lab shares: which lab is shown, the backend and the play
 * speed. They live in the link but never change what a run computes.
 */
import { BACKEND_CHOICES, SPEEDS, type BackendChoice, type Speed } from '../state/common';
import * as engine from './params';

export interface ViewState {
  lab: string;
  backend: BackendChoice;
  speed: Speed;
}

/** The view table for a set of lab ids (the page passes the registry's). */
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

/** The view's URL names (they do not depend on which labs exist). */
export function viewUrlKeys(): string[] {
  return engine.urlKeys(viewTable([]));
}
