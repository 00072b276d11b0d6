/**
 * The embeddable widgets. Importing this module defines the playground and the shared element
 * kit (a second import is harmless); each lab's panel, with its own views, loads when the
 * playground first shows that lab. tfjs is not in here: it loads inside the trainer worker, on
 * first use.
 */
export { DistillPlayground } from './components/distill-playground/distill-playground';
export { DistillBars } from './components/distill-bars/distill-bars';
export { DistillCurves } from './components/distill-curves/distill-curves';
export { DistillRunControls } from './components/distill-run-controls/distill-run-controls';
export { DistillStatus } from './components/distill-status/distill-status';
export { DistillCost } from './components/distill-cost/distill-cost';
export { setMessages, type Messages } from './i18n/index';
export type { ErrorEventDetail } from './controller/playground-controller';
export type { LabId, StepDetailCommon } from './labs/types';
export type { ViewSettings, BackendChoice } from './state/common';
export type { BackendInfo, Snapshot } from '../workers/trainer-api';
