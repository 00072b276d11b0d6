/** The names lab's view models: bars at a temperature, the prefix box's reading, curve points, the step detail. */
import { describe, expect, it } from 'vitest';
import { namesCurvesSpec, namesPoint, studentLabel } from '../../src/labs/names/client/curves';
import { atTemperature, characterLabels, formatDollars, readPrefix } from '../../src/labs/names/client/view-data';

describe('names views', () => {
  it('softens a distribution at T: p^(1/T) renormalised; T = 1 leaves it', () => {
    const p = [0.5, 0.3, 0.2];
    const at1 = atTemperature(p, 1);
    p.forEach((v, i) => expect(at1[i]).toBeCloseTo(v, 6));
    const roots = p.map(Math.sqrt);
    const sum = roots.reduce((a, b) => a + b, 0);
    const at2 = atTemperature(p, 2);
    roots.forEach((r, i) => expect(at2[i]).toBeCloseTo(r / sum, 6));
    expect(Array.from(atTemperature([0, 1], 3))).toEqual([0, 1]);
  });

  it('reads a typed prefix: lowercased and trimmed; anything but up to 15 letters is refused', () => {
    expect(readPrefix('Mar')).toBe('mar');
    expect(readPrefix(' an ')).toBe('an');
    expect(readPrefix('')).toBe('');
    expect(readPrefix('ann-marie')).toBeNull();
    expect(readPrefix('abcdefghijklmnop')).toBeNull();
    expect(readPrefix('é')).toBeNull();
    expect(characterLabels('end')).toHaveLength(27);
    expect(characterLabels('end')[0]).toBe('end');
    expect(characterLabels('end')[26]).toBe('z');
  });

  it('a curve point per validation pass; no training loss at step 0', () => {
    const s = {
      evaluatedAt: 0,
      teacher: { validation: { nll: 2.07 } },
      bigram: { nll: 2.44 },
      students: [{ access: 'full' as const, k: 5, trainLoss: NaN, validation: { nll: 3.29, kl: 1.2 } }],
    };
    expect(namesPoint(s)).toEqual({
      x: 0,
      values: { nll: { teacher: 2.07, 'student-1': 3.29 }, kl: { 'student-1': 1.2 }, known: { teacher: null, 'student-1': null }, train: { 'student-1': null } },
    });
    const sampled = { ...s, teacher: { ...s.teacher, novelty: { train: 0.25 }, samples: ['ann'] } };
    expect(namesPoint(sampled).values.known).toEqual({ teacher: 0.25, 'student-1': null });
    expect(namesPoint({ ...s, evaluatedAt: 5, students: [{ ...s.students[0]!, trainLoss: 2.9 }] }).values.train).toEqual({ 'student-1': 2.9 });
    const spec = namesCurvesSpec([{ access: 'topk', k: 5 }], { teacher: 2.07, bigram: 2.44 });
    expect(spec.series.map((x) => x.key)).toEqual(['teacher', 'student-1']);
    expect(spec.charts[0]!.note).toContain('2.440');
    // NLL values carry their perplexity: exp(ln 8) = 8.
    expect(spec.charts[0]!.format(Math.log(8))).toBe('2.079 \u00b7 ppl 8.00');
    expect(studentLabel(0, { access: 'topk', k: 5 })).toBe('Student 1 \u00b7 top-5');
  });

  it('writes bills with a fraction of a cent visible', () => {
    expect(formatDollars(0)).toBe('$0');
    expect(formatDollars(0.004229)).toBe('$0.0042');
    expect(formatDollars(12.345)).toBe('$12.35');
    expect(formatDollars(NaN)).toBe('\u2014');
  });
});
