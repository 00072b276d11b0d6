/**
 * The page's way to each lab's client face, found by its folder name and loaded only when the lab
 * is shown (an embed of the 2-D lab never downloads the MNIST panel).
 */
import type { LabClient, LabId } from './types';

const faces = import.meta.glob<{ client: LabClient }>('./*/client/index.ts');
const loaded = new Map<LabId, LabClient>();

/** The client face, if it has loaded already. */
export function clientIfLoaded(id: LabId): LabClient | undefined {
  return loaded.get(id);
}

export async function loadClient(id: LabId): Promise<LabClient | undefined> {
  const have = loaded.get(id);
  if (have) return have;
  const load = faces[`./${id}/client/index.ts`];
  if (!load) return undefined;
  const { client } = await load();
  loaded.set(id, client);
  return client;
}

/** Ids of the labs that have a client face (the conformance suite checks every registry entry has one). */
export function clientIds(): LabId[] {
  return Object.keys(faces).map((path) => path.split('/')[1]!);
}
