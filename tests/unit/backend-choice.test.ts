import { describe, expect, it } from 'vitest';
import {
  backendRequest,
  backendsToTime,
  fastest,
  forgetStoredChoice,
  readStoredChoice,
  sliceFor,
  softwareRenderer,
  untimedTrials,
  writeStoredChoice,
  MEASURE_BUDGET_MS,
  MIN_SLICE_MS,
  STORAGE_PREFIX,
  type AutoChoice,
  type BackendProbe,
  type BackendTrial,
  type KeyValueStore,
} from '../../src/state/backend-choice';

const SWIFTSHADER_WEBGL = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const timed = (name: BackendTrial['name'], examplesPerSecond: number): BackendTrial => ({ name, outcome: 'timed', examplesPerSecond });

describe('software renderers', () => {
  it('are recognised in WebGL renderer strings and WebGPU adapter info', () => {
    expect(softwareRenderer(SWIFTSHADER_WEBGL)).toBe('SwiftShader');
    expect(softwareRenderer('google · swiftshader')).toBe('SwiftShader');
    expect(softwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe('Microsoft Basic Render Driver');
    expect(softwareRenderer('Mesa lavapipe')).toBe('lavapipe');
  });

  it('real GPUs are not software; a WebGPU fallback adapter is', () => {
    expect(softwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBeNull();
    expect(softwareRenderer('apple · metal-3')).toBeNull();
    expect(softwareRenderer('intel · gen-12lp')).toBeNull();
    expect(softwareRenderer(undefined)).toBeNull();
    expect(softwareRenderer('some adapter', true)).toBe('fallback adapter');
  });
});

describe('which backends auto times', () => {
  const probe = (name: BackendProbe['name'], available: boolean, software: string | null = null): BackendProbe => ({ name, available, software });

  it('a GPU-less machine (software WebGPU and WebGL): only WebAssembly', () => {
    const probes = [probe('webgpu', true, 'SwiftShader'), probe('webgl', true, 'SwiftShader'), probe('wasm', true), probe('cpu', true)];
    expect(backendsToTime(probes)).toEqual(['wasm']);
    expect(untimedTrials(probes, ['wasm']).map((t) => [t.name, t.outcome])).toEqual([
      ['webgpu', 'software'],
      ['webgl', 'software'],
      ['cpu', 'not-needed'],
    ]);
  });

  it('a real GPU: both GPU backends and WebAssembly, fastest first', () => {
    const probes = [probe('webgpu', true), probe('webgl', true), probe('wasm', true), probe('cpu', true)];
    expect(backendsToTime(probes)).toEqual(['webgpu', 'webgl', 'wasm']);
  });

  it('no WebGPU at all', () => {
    expect(backendsToTime([probe('webgpu', false), probe('webgl', true), probe('wasm', true), probe('cpu', true)])).toEqual(['webgl', 'wasm']);
  });

  it('plain JavaScript only when WebAssembly cannot start; software GPUs only when nothing faster is left', () => {
    expect(backendsToTime([probe('webgpu', false), probe('webgl', true), probe('wasm', false), probe('cpu', true)])).toEqual(['webgl', 'cpu']);
    expect(backendsToTime([probe('webgpu', false), probe('webgl', true, 'llvmpipe'), probe('wasm', false), probe('cpu', true)])).toEqual([
      'webgl',
      'cpu',
    ]);
    expect(backendsToTime([probe('webgpu', false), probe('webgl', false), probe('wasm', false), probe('cpu', true)])).toEqual(['cpu']);
  });
});

describe('the winner', () => {
  it('is the fastest timed backend', () => {
    expect(fastest([timed('webgpu', 120_000), timed('webgl', 40_000), timed('wasm', 8_400)])).toBe('webgpu');
    // Small nets are dispatch-bound: wasm may beat a real GPU.
    expect(fastest([timed('webgpu', 3_100), timed('webgl', 2_900), timed('wasm', 8_400)])).toBe('wasm');
  });

  it('ties go to the preferred backend; zero or NaN rates never win', () => {
    expect(fastest([timed('wasm', 5_000), timed('webgl', 5_000)])).toBe('webgl');
    expect(fastest([timed('webgpu', Number.NaN), timed('webgl', 0), timed('wasm', 10)])).toBe('wasm');
  });

  it('with nothing timed: hardware before software, unavailable never', () => {
    const trials: BackendTrial[] = [
      { name: 'webgpu', outcome: 'unavailable', reason: 'no adapter' },
      { name: 'webgl', outcome: 'software', software: 'SwiftShader' },
      { name: 'wasm', outcome: 'not-needed' },
      { name: 'cpu', outcome: 'not-needed' },
    ];
    expect(fastest(trials)).toBe('wasm');
    expect(fastest(trials.filter((t) => t.name !== 'wasm' && t.name !== 'cpu'))).toBe('webgl');
    expect(fastest([{ name: 'webgpu', outcome: 'unavailable' }])).toBeNull();
  });

  it('each backend gets a share of what is left of the ~1.5 s budget, never less than the minimum', () => {
    expect(sliceFor(0, 3)).toBeCloseTo(MEASURE_BUDGET_MS / 3);
    expect(sliceFor(900, 2)).toBe(Math.max(MIN_SLICE_MS, (MEASURE_BUDGET_MS - 900) / 2));
    expect(sliceFor(5_000, 1)).toBe(MIN_SLICE_MS);
    expect(sliceFor(0, 0)).toBe(0);
  });
});

describe('remembering the choice per lab on this device', () => {
  const auto: AutoChoice = { trials: [timed('wasm', 8_400), { name: 'webgl', outcome: 'software', software: 'SwiftShader' }], remembered: false, measuredAt: 1 };
  const ua = 'Mozilla/5.0 Chrome/156';

  it('a stored choice is reused by the same browser for the same lab', () => {
    const store = memoryStore();
    writeStoredChoice(store, 'toy2d', ua, 'wasm', auto);
    const stored = readStoredChoice(store, 'toy2d', ua);
    expect(stored?.name).toBe('wasm');
    expect(backendRequest('auto', stored)).toEqual({ choice: 'auto', remembered: { name: 'wasm', auto } });
    // Per lab: the MNIST lab measures for itself.
    expect(readStoredChoice(store, 'mnist', ua)).toBeNull();
  });

  it('a new browser version, junk or a blocked store means measuring again', () => {
    const store = memoryStore();
    writeStoredChoice(store, 'toy2d', ua, 'wasm', auto);
    expect(readStoredChoice(store, 'toy2d', 'Mozilla/5.0 Chrome/157')).toBeNull();
    store.data.set(`${STORAGE_PREFIX}toy2d`, '{not json');
    expect(readStoredChoice(store, 'toy2d', ua)).toBeNull();
    store.data.set(`${STORAGE_PREFIX}toy2d`, JSON.stringify({ version: 1, lab: 'toy2d', name: 'quantum', userAgent: ua, auto }));
    expect(readStoredChoice(store, 'toy2d', ua)).toBeNull();
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(readStoredChoice(blocked, 'toy2d', ua)).toBeNull();
    expect(() => writeStoredChoice(blocked, 'toy2d', ua, 'wasm', auto)).not.toThrow();
    expect(readStoredChoice(null, 'toy2d', ua)).toBeNull();
    forgetStoredChoice(store, 'toy2d');
    expect(store.data.size).toBe(0);
  });

  it('an explicit backend (link or menu) always wins; Auto picked in the menu measures afresh', () => {
    const store = memoryStore();
    writeStoredChoice(store, 'toy2d', ua, 'wasm', auto);
    const stored = readStoredChoice(store, 'toy2d', ua);
    expect(backendRequest('webgl', stored)).toEqual({ choice: 'webgl' });
    expect(backendRequest('cpu', stored)).toEqual({ choice: 'cpu' });
    expect(backendRequest('auto', stored, true)).toEqual({ choice: 'auto' });
    expect(backendRequest('auto', null)).toEqual({ choice: 'auto' });
  });
});
