import { describe, expect, it } from 'vitest';
import { autoWhyText, shortAdapter, startingText } from '../../src/components/distill-status/status-text';
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

describe('the adapter as the status line shows it', () => {
  it('names a software renderer instead of ANGLE\u2019s raw string', () => {
    expect(shortAdapter('WebGL 2 \u00b7 ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(
      'WebGL 2 \u00b7 SwiftShader',
    );
    expect(shortAdapter('ANGLE (Mesa, llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5)')).toBe('llvmpipe');
    expect(shortAdapter('google \u00b7 swiftshader')).toBe('google \u00b7 SwiftShader');
  });

  it('keeps a real GPU\u2019s name, without vendor prefix, PCI id or driver', () => {
    expect(shortAdapter('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 (0x00002206) Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('NVIDIA GeForce RTX 3080');
    expect(shortAdapter('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe('Intel UHD Graphics 620 (KBL GT2)');
    expect(shortAdapter('ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)')).toBe('Apple M1');
    expect(shortAdapter('ANGLE (NVIDIA, Vulkan 1.3.224 (NVIDIA GeForce RTX 3060 (0x00002504)), NVIDIA)')).toBe('NVIDIA GeForce RTX 3060');
    expect(shortAdapter('ANGLE (NVIDIA GeForce)')).toBe('NVIDIA GeForce');
  });

  it('leaves other adapters alone', () => {
    expect(shortAdapter('SIMD \u00b7 single thread')).toBe('SIMD \u00b7 single thread');
    expect(shortAdapter('nvidia \u00b7 ampere')).toBe('nvidia \u00b7 ampere');
    expect(shortAdapter('')).toBe('');
  });
});
