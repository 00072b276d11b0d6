/**
 * A page link: which lab is shown, the view settings (`lab`, `backend`, `speed`) and that lab's
 * experiment, each read through its table. Never throws: bad values fall back to defaults and
 * come back as problems (only the shown lab's, since labs share some keys such as `T`).
 */
import type { ViewSettings } from '../state/common';
import { DEFAULT_LAB, LAB_IDS, LAB_LIST, labById } from './index';
import * as engine from './params';
import type { Problem } from './problems';
import type { LabId } from './types';
import { viewTable, type ViewState } from './view-params';

const viewParams = viewTable(LAB_IDS);
/** What `preset=<id>` names: the page keeps it to show which preset the experiment came from. */
const PRESET_KEY = 'preset';

export const DEFAULT_VIEW: Readonly<ViewSettings> = Object.freeze({ backend: 'auto', speed: 100 });

export interface ParsedLink {
  lab: LabId;
  view: ViewSettings;
  experiment: unknown;
  preset: string | null;
  problems: Problem[];
}

export function parseLink(search: string): ParsedLink {
  const base: ViewState = { lab: DEFAULT_LAB, ...DEFAULT_VIEW };
  const view = engine.parse(viewParams, search, base);
  const lab = labById(view.experiment.lab)!;
  const parsed = lab.parse(search);
  return {
    lab: lab.id,
    view: { backend: view.experiment.backend, speed: view.experiment.speed },
    experiment: parsed.experiment,
    preset: parsed.problems.some((p) => p.param === PRESET_KEY) ? null : new URLSearchParams(search).get(PRESET_KEY),
    problems: [...view.problems, ...parsed.problems],
  };
}

/** The link for this page state: the view, then every setting of the lab's experiment. */
export function writeLink(lab: LabId, view: ViewSettings, experiment: unknown): string {
  const shared = labById(lab)!;
  return `${engine.serialize(viewParams, { lab, ...view })}&${shared.serialize(experiment)}`;
}

/** Every query key a playground reads; an embedding page's own keys are left alone. */
function ourKeys(): Set<string> {
  return new Set([...engine.urlKeys(viewParams), PRESET_KEY, ...LAB_LIST.flatMap((l) => l.urlKeys())]);
}

/** `currentSearch` with our keys replaced by this page state's, keeping anything else. */
export function mergeLink(currentSearch: string, lab: LabId, view: ViewSettings, experiment: unknown): string {
  const kept = new URLSearchParams(currentSearch);
  const mine = ourKeys();
  for (const key of [...kept.keys()]) if (mine.has(key)) kept.delete(key);
  const rest = kept.toString();
  return `?${rest ? `${rest}&` : ''}${writeLink(lab, view, experiment)}`;
}
