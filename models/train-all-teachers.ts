/**
 * Entry point for `npm run train:teachers`. Knows no lab: for each lab in `LAB_LIST` order it runs
 * `models/<id>/train-teacher.ts`, where that file exists, in its own Node process (`--import tsx`).
 *
 *   npm run train:teachers                              # every lab's teachers, in picker order
 *   npm run train:teachers -- mnist                     # just that lab's
 *   npm run train:teachers -- toy2d spiral moons        # the rest goes to the one lab named…
 *   npm run train:teachers -- mnist --epochs=2 --dry    # …flags included
 *   npm run train:teachers -- --help                    # this, and the labs that have a script
 *
 * Any other argument or flag needs exactly one lab named, since each lab's script has its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LAB_LIST } from '../src/labs/index';

const TRAIN_SCRIPT = 'train-teacher.ts';

interface LabScript {
  id: string;
  /** `models/<id>/train-teacher.ts`, or null when the lab has none. */
  path: string | null;
}

const labs: LabScript[] = LAB_LIST.map(({ id }) => {
  const path = fileURLToPath(new URL(`./${id}/${TRAIN_SCRIPT}`, import.meta.url));
  return { id, path: existsSync(path) ? path : null };
});
const ids = labs.map((l) => l.id);
const withScript = labs.filter((l) => l.path !== null).map((l) => l.id);

function usage(): string {
  return [
    'usage: npm run train:teachers [-- <lab> [arguments and --flags for that lab]]',
    `labs (LAB_LIST order): ${ids.join(', ')}`,
    `with a models/<lab>/${TRAIN_SCRIPT}: ${withScript.join(', ') || 'none'}`,
  ].join('\n');
}

function fail(message: string): never {
  console.error(`train:teachers: ${message}\n${usage()}`);
  process.exit(2);
}

function run(lab: LabScript, args: string[]): void {
  console.log(`\n$ tsx models/${lab.id}/${TRAIN_SCRIPT}${args.length ? ` ${args.join(' ')}` : ''}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', lab.path!, ...args], { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const args = process.argv.slice(2);
const named = args.filter((a) => ids.includes(a));

if (named.length === 0 && args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
  console.log(usage());
} else if (named.length > 1) {
  fail(`name one lab, not several (${named.join(', ')})`);
} else if (named.length === 0 && args.length > 0) {
  fail(`${args.join(' ')}: arguments and flags go to one lab's script: name that lab too`);
} else if (named.length === 1) {
  const lab = labs.find((l) => l.id === named[0])!;
  if (lab.path === null) fail(`lab ${lab.id} has no models/${lab.id}/${TRAIN_SCRIPT}`);
  const rest = [...args];
  rest.splice(rest.indexOf(lab.id), 1);
  run(lab, rest);
} else {
  if (withScript.length === 0) fail('no lab has a teacher-training script');
  for (const lab of labs) if (lab.path !== null) run(lab, []);
}
