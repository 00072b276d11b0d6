import { describe, expect, it } from 'vitest';
import { autoWhyText, startingText } from '../../src/components/distill-status/status-text';
import type { AutoChoice } from '../../src/state/backend-choice';

describe('status line while a run starts', () => {
  it('says which backend starts and what loads, with a percentage when the size is known', () => {
    expect(startingText({ phase: 'backend', backend: 'wasm', loaded: 0, total: null }, { phase: 'teacher', loaded: 4, total: 10 })).toBe(
      'Starting WebAssembly\u2026 · loading the teacher 40 %',
    );
    expect(startingText({ phase: 'measure', backend: 'webgpu', loaded: 0, total: 2 }, { phase: 'measure', backend: 'webgpu', loaded: 0, total: 2 })).toBe(
      'Timing WebGPU on this lab\u2019s own training steps (1 of 2)\u2026',
    );
    expect(startingText(null, null)).toBe('Starting the training worker\u2026');
    expect(startingText(null, { phase: 'readout', loaded: 0, total: null }, 'cpu')).toBe(
      'Setting up a fresh run on CPU (plain JavaScript)\u2026 · computing the first readout',
    );
    expect(startingText(null, { phase: 'test-images', loaded: 2048, total: null }, 'wasm')).toContain('loading the test images 2 KB');
  });
});

describe('why auto chose its backend', () => {
  it('lists the timed backends fastest first and what was set aside', () => {
    const auto: AutoChoice = {
      remembered: false,
      measuredAt: 0,
      trials: [
        { name: 'webgpu', outcome: 'timed', examplesPerSecond: 3_100 },
        { name: 'webgl', outcome: 'software', software: 'SwiftShader' },
        { name: 'wasm', outcome: 'timed', examplesPerSecond: 8_412 },
        { name: 'cpu', outcome: 'not-needed' },
      ],
    };
    expect(autoWhyText(auto, 'wasm')).toBe(
      'Auto: chose the fastest of WebAssembly 8,412 examples/s, WebGPU 3,100 examples/s, timed on this lab\u2019s own steps · WebGL not timed (software renderer: SwiftShader)',
    );
  });

  it('a single candidate is not timed; a remembered choice says so', () => {
    const auto: AutoChoice = {
      remembered: true,
      measuredAt: 0,
      trials: [
        { name: 'webgpu', outcome: 'unavailable', reason: 'no adapter' },
        { name: 'webgl', outcome: 'software', software: 'SwiftShader' },
        { name: 'wasm', outcome: 'not-needed' },
        { name: 'cpu', outcome: 'not-needed' },
      ],
    };
    expect(autoWhyText(auto, 'wasm')).toBe(
      'Auto: WebAssembly is the only fast backend here · WebGL not timed (software renderer: SwiftShader) · WebGPU unavailable · measured on an earlier visit; pick Auto in Backend to measure again',
    );
    expect(autoWhyText(undefined, 'wasm')).toBe('');
  });
});
