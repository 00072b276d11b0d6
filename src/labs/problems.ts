/**
 * What is wrong with a link or an experiment, as a code with parameters: pure data that crosses
 * the worker boundary and that i18n renders (`msg.problems` in src/i18n/en.ts). No sentences here,
 * so a translation never has to parse English.
 */

/** A closed range of allowed numbers. */
export interface Bounds {
  min: number;
  max: number;
}

interface ProblemBase {
  /** The parameter's URL name (`T`, `s2`, `hidden`): what a link shows, and what a control is keyed by. */
  param: string;
  /**
   * Which setting, as a path into the experiment (`knobs.temperature`, `student.hidden`) or a
   * name for a part of one (`students.units`); i18n turns it into a label ("Temperature").
   */
  key: string;
  /** The offending value as written (URL text) or as found (`String(value)`). */
  value: string;
  /** 1-based position, for settings of one item among several (MNIST's students). */
  index?: number;
  /**
   * Parsing only: what is used instead, in URL form. Absent when the value was simply left out
   * (a bad student among good ones, an unknown preset, filters that keep no digit).
   */
  fallback?: string;
}

export type Problem = ProblemBase &
  (
    | { code: 'out-of-range'; min: number; max: number; integer: boolean }
    | { code: 'not-one-of'; options: readonly string[] }
    /** A list of hidden-layer sizes (`hidden=16,8`). */
    | { code: 'bad-layers'; layers: Bounds; units: Bounds; separator: string }
    /** An MNIST student token (`s1=800.800-kd-full`). */
    | { code: 'bad-student'; layers: Bounds; units: Bounds; k: Bounds }
    /** Digits written together (`ex=38`), each 0–9. */
    | { code: 'bad-digits' }
    /** Transfer-set filters (`ex`, `only`) that leave no digit to train on. */
    | { code: 'no-digit-left' }
  );

export type ProblemCode = Problem['code'];
