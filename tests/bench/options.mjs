/**
 * The benchmark's options (tests/bench/bench.mjs): defaults, --help text and argument parsing.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ALL_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const STARTUP_MODES = ['both', 'only', 'skip'];
export const USAGE = `usage: node tests/bench/bench.mjs [--backends=webgpu,webgl,wasm,cpu] [--app-seconds=10]
       [--rounds=5] [--bare-seconds=5] [--warmup-steps=3] [--warmup-seconds=1] [--load-timeout=60] [--init-timeout=90]
       [--warmup-timeout=60] [--extra-seconds=45] [--bare-timeout=120] [--max-minutes=20+10]
       [--startup=both|only|skip] [--startup-runs=2] [--first-step-timeout=90] [--out=bench-results] [--dist=dist]
       [--labs=on|off] [--payload=on|off] [--native=auto|on|off] [--native-steps=30]
  --warmup-seconds after each Play, the app trains at least this long before its window (the bare
                   loop warms up 1 s too)
  --rounds         app windows of --app-seconds each, with a bare-loop run before, between and after them
                   (five: a window's ratio to its bare runs varied 0.72–1.25 on a quiet 2-core host, so
                   three windows' median could not tell 0.95 from 0.90)
  --startup        both: throughput, then startup timings (default); only: startup timings; skip: throughput
  --startup-runs   fresh-context runs per startup row (median and each value are reported)
  --first-step-timeout  seconds from Play to the first training step before a startup run says n/a
  --max-minutes    overall limit; default 4 per round for throughput (20) plus 10 for startup (plus 8 for labs, payload, native)
  --labs           every lab training on wasm: main-thread long tasks and the tab's memory
  --payload        bytes each lab fetches before its first step (tests/bench/payload.mjs)
  --native         the MNIST step in PyTorch beside the browser (tests/bench/native.mjs); auto: when
                   PyTorch is installed, else a line saying how to install it`;

export function parseArgs(argv) {
  const opts = {
    backends: ALL_BACKENDS,
    appSeconds: 10,
    rounds: 5,
    bareSeconds: 5,
    warmupSteps: 3,
    warmupSeconds: 1,
    loadTimeoutSeconds: 60,
    initTimeoutSeconds: 90,
    warmupTimeoutSeconds: 60,
    extraSeconds: 45,
    bareTimeoutSeconds: 120,
    maxMinutes: undefined,
    startup: 'both',
    startupRuns: 2,
    firstStepTimeoutSeconds: 90,
    outDir: join(REPO_ROOT, 'bench-results'),
    labs: 'on',
    payload: 'on',
    native: 'auto',
    nativeSteps: 30,
    dist: join(REPO_ROOT, 'dist'),
  };
  const seconds = (value) => Number(value);
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    if (key === 'backends') opts.backends = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if (key === 'app-seconds') opts.appSeconds = seconds(value);
    else if (key === 'rounds') opts.rounds = seconds(value);
    else if (key === 'bare-seconds') opts.bareSeconds = seconds(value);
    else if (key === 'warmup-steps') opts.warmupSteps = seconds(value);
    else if (key === 'warmup-seconds') opts.warmupSeconds = seconds(value);
    else if (key === 'load-timeout') opts.loadTimeoutSeconds = seconds(value);
    else if (key === 'init-timeout') opts.initTimeoutSeconds = seconds(value);
    else if (key === 'warmup-timeout') opts.warmupTimeoutSeconds = seconds(value);
    else if (key === 'extra-seconds') opts.extraSeconds = seconds(value);
    else if (key === 'bare-timeout') opts.bareTimeoutSeconds = seconds(value);
    else if (key === 'max-minutes') opts.maxMinutes = seconds(value);
    else if (key === 'startup') opts.startup = value;
    else if (key === 'startup-runs') opts.startupRuns = seconds(value);
    else if (key === 'first-step-timeout') opts.firstStepTimeoutSeconds = seconds(value);
    else if (key === 'out') opts.outDir = resolve(value);
    else if (key === 'labs') opts.labs = value;
    else if (key === 'payload') opts.payload = value;
    else if (key === 'native') opts.native = value;
    else if (key === 'native-steps') opts.nativeSteps = seconds(value);
    else if (key === 'dist') opts.dist = resolve(value);
    else if (key === 'help' || key === 'h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${arg} (try --help)`);
      process.exit(2);
    }
  }
  const unknown = opts.backends.filter((b) => !ALL_BACKENDS.includes(b));
  if (unknown.length) {
    console.error(`bench: unknown backend(s) ${unknown.join(', ')}; choose from ${ALL_BACKENDS.join(', ')}`);
    process.exit(2);
  }
  if (!STARTUP_MODES.includes(opts.startup)) {
    console.error(`bench: --startup must be one of ${STARTUP_MODES.join(', ')}`);
    process.exit(2);
  }
  if (!(Number.isInteger(opts.startupRuns) && opts.startupRuns >= 1)) {
    console.error('bench: --startup-runs must be a whole number ≥ 1');
    process.exit(2);
  }
  for (const [k, allowed] of [['labs', ['on', 'off']], ['payload', ['on', 'off']], ['native', ['auto', 'on', 'off']]]) {
    if (!allowed.includes(opts[k])) {
      console.error(`bench: --${k} must be one of ${allowed.join(', ')}`);
      process.exit(2);
    }
  }
  const extras = (opts.labs === 'on' ? 3 : 0) + (opts.payload === 'on' ? 2 : 0) + (opts.native !== 'off' ? 3 : 0);
  opts.maxMinutes ??= (opts.startup === 'only' ? 0 : 4 * opts.rounds) + (opts.startup === 'skip' ? 0 : 10) + extras;
  if (!(Number.isInteger(opts.rounds) && opts.rounds >= 1)) {
    console.error('bench: --rounds must be a whole number ≥ 1');
    process.exit(2);
  }
  if (!(opts.appSeconds >= 2)) {
    console.error('bench: --app-seconds must be at least 2');
    process.exit(2);
  }
  const numeric = ['bareSeconds', 'warmupSteps', 'warmupSeconds', 'loadTimeoutSeconds', 'initTimeoutSeconds', 'warmupTimeoutSeconds', 'extraSeconds', 'bareTimeoutSeconds', 'maxMinutes', 'firstStepTimeoutSeconds'];
  const bad = numeric.filter((k) => !(opts[k] > 0));
  if (bad.length) {
    console.error(`bench: ${bad.join(', ')} must be positive numbers`);
    process.exit(2);
  }
  return opts;
}
