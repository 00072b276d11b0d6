/** The CartPole lab's view events, added to the kit's `DistillEventMap`. */
import type { ViewSettings } from '../../../state/common';
import type { CartpoleExperiment } from '../shared/schema';

/** What the controls changed: parts of the experiment (`knobs`, `student` whole, merged) and view settings. */
export type CartpoleChangeDetail = Partial<Omit<CartpoleExperiment, 'lab'>> & Partial<ViewSettings>;

declare module '../../../components/shared/events' {
  interface DistillEventMap {
    'distill-cartpole-change': CustomEvent<CartpoleChangeDetail>;
  }
}
