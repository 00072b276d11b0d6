/**
 * The labs' worker faces in Node, found by folder name like the browser worker finds them, with
 * optional replacements (a test's own loaders).
 */
import type { LabId, LabWorker } from '../../src/labs/types';

export function nodeLabs(overrides: Record<LabId, LabWorker> = {}): (id: LabId) => Promise<LabWorker | undefined> {
  return async (id) => {
    if (overrides[id]) return overrides[id];
    try {
      return ((await import(`../../src/labs/${id}/worker/node.ts`)) as { default: LabWorker }).default;
    } catch {
      return undefined;
    }
  };
}
