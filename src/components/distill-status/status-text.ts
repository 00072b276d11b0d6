/**
 * The status line's words, from view data: what a starting run is doing, and why `auto` chose
 * its backend. Pure (no DOM), so the wording is unit-tested.
 */
import { msg } from '../../i18n/index';
import type { BackendName } from '../../state/common';
import { type AutoChoice, softwareRenderer } from '../../state/backend-choice';
import type { LoadProgress } from '../../../workers/trainer-api';
import { formatInteger, formatPercent } from '../../shared/format';

const name = (b: BackendName) => msg.controls.backendNames[b];

/**
 * "Starting WebAssembly… · loading the teacher 40 %", from the latest backend step and the latest
 * other step; `running` is the backend already in use when a run restarts on it (Reset, a lab switch).
 */
export function startingText(backendStep: LoadProgress | null, current: LoadProgress | null, running?: BackendName): string {
  const t = msg.status.phases;
  const parts: string[] = [];
  if (backendStep?.backend) {
    parts.push(
      backendStep.phase === 'measure'
        ? t.measure(name(backendStep.backend), backendStep.loaded, backendStep.total ?? 1)
        : t.backend(name(backendStep.backend)),
    );
  } else {
    parts.push(running ? t.fresh(name(running)) : t.worker);
  }
  if (current && current.phase !== 'backend' && current.phase !== 'measure') {
    const what = t[current.phase];
    const amount =
      current.total && current.total > 0
        ? formatPercent(Math.min(1, current.loaded / current.total), 0)
        : current.loaded > 0
          ? `${formatInteger(current.loaded / 1024)} KB`
          : '';
    parts.push(amount ? msg.status.withAmount(what, amount) : what);
  }
  return parts.join(' · ');
}

/**
 * Why `auto` picked `chosen`: "chose the fastest of WebGPU 120,000 examples/s · WebAssembly 8,400
 * examples/s … · WebGL not timed (software renderer: SwiftShader)". Empty when nothing was chosen.
 */
export function autoWhyText(auto: AutoChoice | undefined, chosen: BackendName): string {
  if (!auto) return '';
  const t = msg.status.auto;
  const parts: string[] = [];
  const timed = auto.trials.filter((x) => x.outcome === 'timed' && x.examplesPerSecond !== undefined);
  if (timed.length > 1) {
    const list = [...timed]
      .sort((a, b) => (b.examplesPerSecond ?? 0) - (a.examplesPerSecond ?? 0))
      .map((x) => t.timed(name(x.name), formatInteger(x.examplesPerSecond ?? 0)))
      .join(', ');
    parts.push(t.chosenFastest(list));
  } else if (timed.length === 1) {
    parts.push(t.timed(name(timed[0]!.name), formatInteger(timed[0]!.examplesPerSecond ?? 0)));
  } else {
    parts.push(t.onlyCandidate(name(chosen)));
  }
  for (const x of auto.trials) {
    if (x.outcome === 'software') parts.push(t.software(name(x.name), x.software ?? ''));
  }
  const unavailable = auto.trials.filter((x) => x.outcome === 'unavailable' && x.name !== 'cpu');
  for (const x of unavailable) parts.push(t.unavailable(name(x.name)));
  if (auto.remembered) parts.push(t.remembered);
  return `${t.label}: ${parts.join(t.separator)}`;
}

/** Top-level comma-separated fields of `s`, ignoring commas inside parentheses. */
function topLevelFields(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth = Math.max(0, depth - 1);
    else if (s[i] === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(s.slice(start).trim());
  return out;
}

/** One device name without ANGLE's wrapper, PCI ids, driver and shader-model suffixes. */
function shortDevice(part: string): string {
  const angle = /^ANGLE \((.*)\)$/.exec(part.trim());
  const software = softwareRenderer(part);
  if (software) return software;
  if (!angle) return part.trim();
  // ANGLE (vendor, renderer, driver): keep the renderer.
  let renderer = topLevelFields(angle[1]!)[1] ?? angle[1]!;
  const wrapped = /^(?:Vulkan|OpenGL(?: ES)?|Metal) [\d.]+ \((.*)\)$/.exec(renderer);
  if (wrapped) renderer = wrapped[1]!;
  return renderer
    .replace(/^ANGLE Metal Renderer:\s*/, '')
    .replace(/\s*\(0x[0-9a-f]+\)/gi, '')
    .replace(/\s+Direct3D\d+.*$/, '')
    .replace(/\s*\((?:R|TM)\)/gi, '')
    .replace(/^Mesa\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The adapter as the status line shows it: WebGL's raw renderer string, "ANGLE (Google, Vulkan
 * 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)", becomes "SwiftShader";
 * "ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 (0x00002206) Direct3D11 vs_5_0 ps_5_0, D3D11)" becomes
 * "NVIDIA GeForce RTX 3080". Other parts (" · "-separated, e.g. "WebGL 2") stay as they are.
 */
export function shortAdapter(adapter: string): string {
  return adapter
    .split(' \u00b7 ')
    .map(shortDevice)
    .filter((p, i, all) => p !== '' && all.indexOf(p) === i)
    .join(' \u00b7 ');
}
