import { describe, expect, it } from 'vitest';
import {
  apiBill,
  comparisonBars,
  computeOnGpus,
  DEEPSEEK_V3,
  deepseekDaysPerTrillionTokens,
  deepseekEffectiveFlopsPerSecond,
  deepseekGpuHoursPerTrillionTokens,
  deepseekImpliedMfu,
  deepseekTable,
  DEFAULT_MFU,
  DEFAULT_STUDENT_PARAMETERS,
  DEFAULT_TEACHER_PARAMETERS,
  FLEET,
  fleetToRunRatio,
  impliedMfu,
  presetSettings,
  projectTraining,
  projectTransferSet,
  runOnCatalog,
  runOnGpu,
} from '../../src/cost/cost-model';
import { mlpParameterCount } from '../../src/state/common';
import { defaultPrices, deliveredFlopsPerSecond, GPU_CATALOG, gpuById, GPU_IDS } from '../../src/cost/gpus';
import { isEstimate, SOURCES } from '../../src/cost/sources';
import { en } from '../../src/i18n/en';

describe('DeepSeek-V3, Table 1', () => {
  it('reproduces the GPU-hours and the $2/hour costs exactly', () => {
    const t = deepseekTable();
    expect(t.pricePerHour).toBe(2);
    expect(t.stages.map((s) => s.gpuHours)).toEqual([2_664_000, 119_000, 5_000]);
    expect(t.stages.map((s) => s.dollars)).toEqual([5_328_000, 238_000, 10_000]);
    expect(t.total).toEqual({ gpuHours: 2_788_000, dollars: 5_576_000 });
  });

  it('follows the price: $4/hour doubles every cost', () => {
    const t = deepseekTable(4);
    expect(t.total.dollars).toBe(11_152_000);
    expect(t.stages[2]!.dollars).toBe(20_000);
  });

  it('180K GPU-hours per trillion tokens, 3.7 days on 2,048 H800s', () => {
    expect(deepseekGpuHoursPerTrillionTokens()).toBeCloseTo(180_000, 6);
    expect(DEEPSEEK_V3.gpuHoursPerTrillionTokens * 14.8).toBeCloseTo(2_664_000, 6);
    expect(deepseekDaysPerTrillionTokens()).toBeCloseTo(3.66, 2);
    expect(Number(deepseekDaysPerTrillionTokens().toFixed(1))).toBe(3.7);
  });

  it('6·N·D for 37B active parameters and 14.8T tokens is 3.2856 × 10²⁴ FLOPs', () => {
    const p = projectTraining(37e9, 14.8e12, { gpu: gpuById('h800'), mfu: DEFAULT_MFU, pricePerHour: 2, gpus: 2048 });
    expect(p.flops / 1e24).toBeCloseTo(3.2856, 10);
  });

  it('implies ~343 TFLOP/s per H800, about 35 % of the 989 TFLOP/s dense BF16 peak', () => {
    expect(gpuById('h800').peakBf16!.value).toBe(989e12);
    const mfu = deepseekImpliedMfu();
    // 6 · 37e9 · 1e12 / (180e3 · 3600 · 989e12) = 2.22e23 / 6.40872e23
    expect(mfu).toBeCloseTo(2.22e23 / (180e3 * 3600 * 989e12), 12);
    expect(mfu).toBeCloseTo(0.3464, 4);
    expect(Math.round(mfu * 100)).toBe(35);
    expect(deepseekEffectiveFlopsPerSecond() / 1e12).toBeCloseTo(342.6, 1);
    // The same from the full run: 3.2856e24 FLOPs in 2,664K hours.
    expect(impliedMfu({ parameters: 37e9, tokens: 14.8e12, gpuHours: 2_664_000, peakFlopsPerSecond: 989e12 })).toBeCloseTo(mfu, 12);
    expect(DEFAULT_MFU).toBe(mfu);
  });

  it('at the implied utilisation, 6·N·D gives back the pre-training row: 2,664K GPU-hours, $5.328M', () => {
    const p = projectTraining(37e9, 14.8e12, { gpu: gpuById('h800'), mfu: DEFAULT_MFU, pricePerHour: 2, gpus: 2048 });
    expect(p.gpuHours).toBeCloseTo(2_664_000, 3);
    expect(p.dollars).toBeCloseTo(5_328_000, 2);
    // 2,664K GPU-hours on 2,048 GPUs: 54.2 days of wall-clock time.
    expect(p.wallClockDays).toBeCloseTo(2_664_000 / 2048 / 24, 6);
  });
});

describe('the fleet (SemiAnalysis estimates)', () => {
  it('~50,000 Hopper GPUs, ~10,000 A100s, ~$1.6B capex, ~$944M operating cost', () => {
    expect(FLEET).toMatchObject({ hopperGpus: 50_000, a100Gpus: 10_000, serverCapex: 1.6e9, operatingCost: 944e6 });
    expect(SOURCES[FLEET.source].secondary).toBe(true);
  });

  it('is ~287 final runs', () => {
    expect(fleetToRunRatio()).toBeCloseTo(1.6e9 / 5.576e6, 9);
    expect(Math.round(fleetToRunRatio())).toBe(287);
  });

  it('would do the pre-training in ~2.2 days', () => {
    const s = presetSettings('fleet');
    const p = projectTraining(s.parameters, s.tokens, { gpu: gpuById(s.gpu), mfu: DEFAULT_MFU, pricePerHour: 2, gpus: s.gpus });
    expect(s.gpus).toBe(50_000);
    expect(p.wallClockDays).toBeCloseTo(2_664_000 / 50_000 / 24, 6);
  });
});

describe('this run at data-centre speed', () => {
  const prices = defaultPrices();

  it('FLOPs ÷ (peak × MFU) → seconds → dollars', () => {
    // 1e12 FLOPs on an H100 at 50 %: 1e12 / 494.5e12 s; at $2/hour.
    const r = runOnGpu({ flops: 1e12, gpu: gpuById('h100'), mfu: 0.5, pricePerHour: 2, measuredFlopsPerSecond: 1e10 });
    expect(r.seconds).toBeCloseTo(1e12 / 494.5e12, 15);
    expect(r.dollars).toBeCloseTo(((1e12 / 494.5e12) / 3600) * 2, 18);
    expect(r.timesFasterThanBrowser).toBeCloseTo(494.5e12 / 1e10, 6);
  });

  it("the browser's GPU uses the measured speed, no utilisation applied", () => {
    const browser = gpuById('browser');
    expect(deliveredFlopsPerSecond(browser, 0.35, 2e9)).toBe(2e9);
    expect(deliveredFlopsPerSecond(browser, 0.35)).toBeUndefined();
    const r = runOnGpu({ flops: 4e9, gpu: browser, mfu: 0.35, pricePerHour: 0.05, measuredFlopsPerSecond: 2e9 });
    expect(r.seconds).toBe(2);
    expect(r.timesFasterThanBrowser).toBe(1);
  });

  it('covers every catalog GPU; without a measurement the browser row stays empty', () => {
    const rows = runOnCatalog({ flops: 1e9, mfu: 0.35, prices });
    expect(rows.map((r) => r.gpu)).toEqual([...GPU_IDS]);
    expect(rows[0]!.seconds).toBeUndefined();
    expect(rows.find((r) => r.gpu === 'h800')!.seconds).toBeCloseTo(1e9 / (989e12 * 0.35), 18);
  });
});

describe('catalog', () => {
  it('has H100 SXM, H800, H20, A100, RTX 4090 and the browser, each figure sourced', () => {
    expect(GPU_CATALOG.map((g) => g.name)).toEqual(['browser', 'H100 SXM', 'H800', 'H20', 'A100 SXM', 'RTX 4090']);
    const peaks = Object.fromEntries(GPU_CATALOG.map((g) => [g.id, g.peakBf16?.value]));
    expect(peaks).toEqual({ browser: undefined, h100: 989e12, h800: 989e12, h20: 148e12, a100: 312e12, rtx4090: 165.2e12 });
    for (const gpu of GPU_CATALOG) {
      for (const figure of [gpu.peakBf16, gpu.peakFp32, gpu.memoryGB, gpu.pricePerHour]) {
        if (figure) expect(en.cost.sources[figure.source].short.length).toBeGreaterThan(0);
      }
    }
  });

  it("marks second-hand figures and assumed prices; the H800's $2 is DeepSeek's", () => {
    expect(isEstimate(gpuById('h800').peakBf16!)).toBe(true);
    expect(isEstimate(gpuById('h20').memoryGB!)).toBe(true);
    expect(isEstimate(gpuById('h100').peakBf16!)).toBe(false);
    expect(gpuById('h800').pricePerHour).toEqual({ value: 2, source: 'deepseekV3' });
    for (const id of ['h100', 'h20', 'a100', 'rtx4090', 'browser'] as const) {
      expect(gpuById(id).pricePerHour.source).toBe('assumption');
    }
  });
});

describe('scale projection', () => {
  const h800 = { gpu: gpuById('h800'), mfu: 0.35, pricePerHour: 2, gpus: 1000 };

  it('GPU-hours, dollars and wall-clock days on K GPUs', () => {
    const p = computeOnGpus(1e21, h800);
    const gpuSeconds = 1e21 / (989e12 * 0.35);
    expect(p.gpuHours).toBeCloseTo(gpuSeconds / 3600, 6);
    expect(p.dollars).toBeCloseTo((gpuSeconds / 3600) * 2, 6);
    expect(p.wallClockDays).toBeCloseTo(gpuSeconds / 1000 / 86_400, 9);
  });

  it("the teacher's transfer set: 2·N_teacher·D, a third of training the same model", () => {
    const teach = projectTransferSet(37e9, 14.8e12, h800);
    const train = projectTraining(37e9, 14.8e12, h800);
    expect(teach.flops).toBeCloseTo(2 * 37e9 * 14.8e12, -12);
    expect(teach.gpuHours! * 3).toBeCloseTo(train.gpuHours!, 3);
  });

  it('the API bill: tokens ÷ 1M × price', () => {
    expect(apiBill(14.8e12, 2)).toBe(29_600_000);
    expect(apiBill(1e6, 0.5)).toBe(0.5);
  });

  it('presets', () => {
    expect(presetSettings('deepseek-v3')).toMatchObject({ parameters: 37e9, tokens: 14.8e12, gpu: 'h800', gpus: 2048 });
    expect(presetSettings('student')).toMatchObject({ parameters: 371, gpus: 1, teacherParameters: 4547 });
    expect(presetSettings('student', { studentParameters: 99, teacherParameters: 4000 })).toMatchObject({
      parameters: 99,
      teacherParameters: 4000,
    });
    // The defaults are the 2-D lab's default shapes.
    expect(DEFAULT_STUDENT_PARAMETERS).toBe(mlpParameterCount(2, [16, 16], 3));
    expect(DEFAULT_TEACHER_PARAMETERS).toBe(mlpParameterCount(2, [64, 64], 3));
  });

  it('comparison bars: run bars stay empty without a run, the rest are always there', () => {
    const prices = defaultPrices();
    const projection = projectTraining(37e9, 14.8e12, { ...h800, mfu: DEFAULT_MFU, gpus: 2048 });
    const bars = comparisonBars({ mfu: DEFAULT_MFU, prices, projection });
    expect(bars.map((b) => b.id)).toEqual(['run-browser', 'run-h800', 'projection', 'deepseek-v3', 'fleet']);
    expect(bars[0]!.dollars).toBeUndefined();
    expect(bars[1]!.dollars).toBeUndefined();
    expect(bars[3]!.dollars).toBe(5_576_000);
    expect(bars[4]).toMatchObject({ dollars: 1.6e9, gpus: 50_000, estimate: true });
    const run = { flops: 4e11, flopsPerSecond: 2e9, studentParameters: 371, teacherParameters: 4547, steps: 1000, backend: 'webgpu' };
    const withRun = comparisonBars({ run, mfu: DEFAULT_MFU, prices, projection });
    expect(withRun[0]!.seconds).toBe(200);
    expect(withRun[0]!.dollars).toBeCloseTo((200 / 3600) * 0.05, 12);
    expect(withRun[1]!.seconds).toBeCloseTo(4e11 / (989e12 * DEFAULT_MFU), 15);
  });
});
