import { describe, expect, it } from 'vitest';
import {
  fillClasses,
  ROLE_STYLES,
  SERIES_STYLES,
  seriesColorExpr,
  seriesFillCssText,
  studentStyle,
  TEACHER_STYLE,
} from '../../src/components/shared/series';
import * as mnistModels from '../../src/labs/mnist/client/distill-digits/mnist-models';

describe('series palette', () => {
  it('gives the teacher and three students distinct colours, dashes and fills', () => {
    expect(SERIES_STYLES.map((s) => s.key)).toEqual(['teacher', 'student-1', 'student-2', 'student-3']);
    expect(new Set(SERIES_STYLES.map((s) => s.color)).size).toBe(4);
    expect(new Set(SERIES_STYLES.map((s) => s.dash.join(','))).size).toBe(4);
    expect(new Set(SERIES_STYLES.map((s) => s.fill)).size).toBe(4);
    expect(TEACHER_STYLE.dash).toEqual([]);
    expect(studentStyle(3)).toBe(studentStyle(0));
  });

  it('makes the 2-D roles aliases: student = series 1, labels-only = series 2', () => {
    expect(ROLE_STYLES.teacher).toBe(TEACHER_STYLE);
    expect(ROLE_STYLES.student).toBe(studentStyle(0));
    expect(ROLE_STYLES.labelsOnly).toBe(studentStyle(1));
  });

  it('honours each series property first, then the older role property', () => {
    expect(seriesColorExpr(TEACHER_STYLE)).toBe('var(--distill-teacher-color, #0072B2)');
    expect(seriesColorExpr(studentStyle(0))).toBe('var(--distill-student-1-color, var(--distill-student-color, #D55E00))');
    expect(seriesColorExpr(studentStyle(1))).toBe('var(--distill-student-2-color, var(--distill-labels-color, #000000))');
    expect(seriesColorExpr(studentStyle(2))).toBe('var(--distill-student-3-color, #CC79A7)');
  });

  it('writes one fill rule per series, with the MNIST and role class names as aliases', () => {
    expect(fillClasses(ROLE_STYLES.student)).toEqual(['fill-student-1', 'model-student-1', 'fill-student']);
    expect(fillClasses(ROLE_STYLES.labelsOnly)).toEqual(['fill-student-2', 'model-student-2', 'fill-labelsOnly']);
    expect(fillClasses(TEACHER_STYLE)).toEqual(['fill-teacher', 'model-teacher']);
    const text = seriesFillCssText();
    expect(text).toContain('--_series-student-1: var(--distill-student-1-color, var(--distill-student-color, #D55E00));');
    expect(text).toContain('.fill-labelsOnly {');
    expect(text).toContain('.model-student-3 {');
    expect(text.match(/\{/g)!.length).toBe(text.match(/\}/g)!.length);
  });

  it('is what the MNIST views import', () => {
    expect(mnistModels.TEACHER_STYLE).toBe(TEACHER_STYLE);
    expect(mnistModels.studentStyle(2)).toBe(studentStyle(2));
    expect(mnistModels.STUDENT_STYLES).toHaveLength(3);
  });
});
