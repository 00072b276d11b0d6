/** The names lab's `distill-step` event detail: what an embedding page can build on. Pure. */
import { commonStepDetail } from '../../step-detail';
import type { StepDetailCommon } from '../../types';
import type { NamesSnapshot } from '../shared/readouts';
import type { NamesAccess } from '../shared/schema';

export interface NamesStepDetail extends StepDetailCommon {
  lab: 'names';
  /** Step of the validation pass the figures below come from. */
  evaluatedAt: number;
  teacherNll: number;
  bigramNll: number;
  students: { access: NamesAccess; k: number; nll: number; perplexity: number; kl: number; queries: number; tokens: number; bill: number }[];
}

export function stepDetail(s: NamesSnapshot): NamesStepDetail {
  return {
    ...commonStepDetail(s),
    lab: 'names',
    evaluatedAt: s.evaluatedAt,
    teacherNll: s.teacher.validation.nll,
    bigramNll: s.bigram.nll,
    students: s.students.map((st) => ({
      access: st.access,
      k: st.k,
      nll: st.validation.nll,
      perplexity: st.validation.perplexity,
      kl: st.validation.kl,
      queries: st.meter.queries,
      tokens: st.meter.tokens,
      bill: st.meter.bill,
    })),
  };
}
