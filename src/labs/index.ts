/** The labs, in picker order, from the registry; and a lookup by id. Pure. */
import * as registry from './registry';
import type { LabId, LabShared } from './types';

export const LAB_LIST: readonly LabShared<unknown>[] = (Object.values(registry) as LabShared<unknown>[]).sort((a, b) => a.order - b.order);
export const LAB_IDS: readonly LabId[] = LAB_LIST.map((l) => l.id);
export const DEFAULT_LAB: LabId = LAB_LIST[0]!.id;

export function labById(id: string | null | undefined): LabShared<unknown> | undefined {
  return LAB_LIST.find((l) => l.id === id);
}
