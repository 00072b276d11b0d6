/** Training compute of the names lab, counted from the layer shapes (2 FLOPs per multiply-add). Pure. */
import { CONTEXT, VOCAB } from './corpus';

/** Forward FLOPs of one row (one position) through a names network. */
export function namesForwardFlops(embed: number, hidden: readonly number[], context = CONTEXT): number {
  // The embedding is a product of the one-hot input with the embedding matrix.
  let macs = context * VOCAB * embed;
  let fanIn = context * embed;
  for (const units of [...hidden, VOCAB]) {
    macs += fanIn * units;
    fanIn = units;
  }
  return 2 * macs;
}

/** Parameters of a names network, counted from the shapes (the page shows it before building). */
export function namesParameters(embed: number, hidden: readonly number[], context = CONTEXT): number {
  let total = VOCAB * embed;
  let fanIn = context * embed;
  for (const units of [...hidden, VOCAB]) {
    total += fanIn * units + units;
    fanIn = units;
  }
  return total;
}
