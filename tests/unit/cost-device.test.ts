import { describe, expect, it } from 'vitest';
import { deviceText, runDevice } from '../../src/components/distill-cost/cost-device';
import { axisLabels } from '../../src/components/distill-cost/cost-data';

const SWIFTSHADER = 'WebGL 2 \u00b7 ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('where the run trains, in words', () => {
  it('follows the backend: CPU for WebAssembly and plain JavaScript, GPU for WebGPU and WebGL', () => {
    expect(deviceText({ backend: 'wasm', adapter: 'SIMD \u00b7 single thread' })).toBe('on this device\u2019s CPU (WebAssembly)');
    expect(deviceText({ backend: 'cpu' })).toBe('on this device\u2019s CPU (plain JavaScript)');
    expect(deviceText({ backend: 'webgpu', adapter: 'nvidia \u00b7 ampere' })).toBe('on your GPU (WebGPU)');
    expect(deviceText({ backend: 'webgl', adapter: 'WebGL 2 \u00b7 ANGLE (NVIDIA, NVIDIA GeForce RTX 3080, D3D11)' })).toBe('on your GPU (WebGL)');
  });

  it('a software renderer is the CPU, told by the adapter string or by auto\u2019s trials', () => {
    expect(deviceText({ backend: 'webgl', adapter: SWIFTSHADER })).toBe('on this device\u2019s CPU (WebGL through a software renderer)');
    expect(deviceText({ backend: 'webgpu', adapter: 'google \u00b7 swiftshader' })).toBe(
      'on this device\u2019s CPU (WebGPU through a software renderer)',
    );
    expect(deviceText({ backend: 'webgl', adapter: 'WebGL 2', software: true })).toBe('on this device\u2019s CPU (WebGL through a software renderer)');
    expect(runDevice('webgl', 'WebGL 2', [{ name: 'webgl', outcome: 'software', software: 'llvmpipe' }]).kind).toBe('software');
    expect(runDevice('webgl', 'WebGL 2', [{ name: 'webgpu', outcome: 'software' }]).kind).toBe('gpu');
  });
});

describe('the chart\u2019s axis labels', () => {
  const ticks = [-12, -9, -6, -3, 0, 3, 6, 9, 12].map((_, i, all) => (i / (all.length - 1)) * 100);
  const widths = ticks.map(() => 80);

  /** The labels' pixel extents, to check that none overlap or leave the track. */
  const extents = (width: number) =>
    axisLabels(ticks, widths, width).map(({ index, anchor }) => {
      const x = (ticks[index]! / 100) * width;
      const left = anchor === 'start' ? x : anchor === 'end' ? x - 80 : x - 40;
      return [left, left + 80] as const;
    });

  it('labels every grid line when there is room', () => {
    expect(axisLabels(ticks, widths, 1200).map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('thins the labels on a narrow track so that none overlap or cross its ends', () => {
    for (const width of [120, 280, 410, 600]) {
      const spans = extents(width);
      expect(spans.length).toBeGreaterThan(0);
      for (const [left, right] of spans) {
        expect(left).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(width);
      }
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1] + 10);
    }
    expect(axisLabels(ticks, widths, 410).map((l) => l.index)).toEqual([0, 3, 6]);
    expect(axisLabels(ticks, widths, 280)[0]).toEqual({ index: 0, anchor: 'start' });
  });

  it('keeps one label when even two do not fit, and none without grid lines', () => {
    expect(axisLabels(ticks, widths, 60)).toEqual([{ index: 0, anchor: 'start' }]);
    expect(axisLabels([], [], 300)).toEqual([]);
  });
});
