/**
 * Entry point for `npm run train:teachers`: trains the 2-D teachers (models/train-teachers.ts) and
 * the MNIST teacher (models/mnist/train-teacher.ts), each in its own Node process.
 *
 *   npm run train:teachers                      # the four 2-D teachers, then MNIST (~20 min)
 *   npm run train:teachers -- spiral moons      # just those 2-D teachers
 *   npm run train:teachers -- mnist             # just the MNIST teacher
 *   npm run train:teachers -- mnist --epochs=2 --dry     # flags go to the one script named
 *
 * Flags (`--…`) need exactly one of the two scripts to be named, since their flags differ.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DATASETS } from '../../src/state/experiment';

const args = process.argv.slice(2);
const toy2dNames = args.filter((a) => (DATASETS as readonly string[]).includes(a));
const mnist = args.includes('mnist');
const flags = args.filter((a) => a.startsWith('--'));
const unknown = args.filter((a) => !a.startsWith('--') && a !== 'mnist' && !toy2dNames.includes(a));
if (unknown.length > 0) {
  throw new Error(`unknown argument ${unknown.join(' ')}; expected mnist, ${DATASETS.join(', ')} or --flags`);
}
const runToy2d = toy2dNames.length > 0 || !mnist;
const runMnist = mnist || toy2dNames.length === 0;
if (flags.length > 0 && runToy2d && runMnist) {
  throw new Error(`flags (${flags.join(' ')}) are per script: name either 2-D data sets or mnist, not both`);
}

function run(script: string, scriptArgs: string[]): void {
  const path = fileURLToPath(new URL(script, import.meta.url));
  console.log(`\n$ tsx ${script.replace(/^\.\.\//, 'models/').replace(/^\.\//, 'models/mnist/')} ${scriptArgs.join(' ')}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path, ...scriptArgs], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (runToy2d) run('../train-teachers.ts', [...toy2dNames, ...flags]);
if (runMnist) run('./train-teacher.ts', flags);
