/**
 * The house rules of issue #8, checked on the source itself: layers point one way, there are no
 * import cycles, and nothing outside a lab's folders names a lab.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAB_IDS } from '../../src/labs/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['src', 'workers', 'models'];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

const all = SOURCE_DIRS.flatMap((d) => files(join(ROOT, d))).map((f) => relative(ROOT, f));

/** Static imports and re-exports (type-only ones too: they still tie the layers together). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms), ...text.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]!);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(ROOT, resolve(ROOT, dirname(file), s.replace(/\?.*$/, ''))))
    .map((p) => (p.endsWith('.ts') || p.endsWith('.json') || /\.\w+$/.test(p) ? p : `${p}.ts`))
    .filter((p) => p.endsWith('.ts'));
}

const graph = new Map(all.map((f) => [f, importsOf(f)]));

const isComponent = (f: string) => f.startsWith('src/components/') || /^src\/labs\/[^/]+\/client\//.test(f);
const isPage = (f: string) => isComponent(f) || f.startsWith('src/controller/') || f === 'src/index.ts' || f === 'src/main.ts';
const isWorkerSide = (f: string) => f.startsWith('workers/') || /^src\/labs\/[^/]+\/worker\//.test(f) || f.startsWith('models/');

describe('layers point one way', () => {
  it('nothing below the views imports a component or a lab panel', () => {
    const bad = [...graph].flatMap(([f, deps]) => (isPage(f) ? [] : deps.filter(isComponent).map((d) => `${f} → ${d}`)));
    expect(bad).toEqual([]);
  });

  it('the worker side never imports page code', () => {
    const bad = [...graph].flatMap(([f, deps]) => (isWorkerSide(f) ? deps.filter(isPage).map((d) => `${f} → ${d}`) : []));
    expect(bad).toEqual([]);
  });

  it('the page never imports tfjs or worker-side code (types only)', () => {
    const bad = all.filter(isPage).filter((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      if (/from '@tensorflow\//.test(text)) return true;
      return [...text.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].some((m) => {
        const spec = m[1]!;
        // `?worker&url` / `?url` imports are the built file's address, not its code.
        if (!spec.startsWith('.') || /\?(worker&)?url$/.test(spec)) return false;
        const target = relative(ROOT, resolve(ROOT, dirname(f), spec));
        return isWorkerSide(`${target}.ts`) || isWorkerSide(target);
      });
    });
    expect(bad).toEqual([]);
  });

  it('there is no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'visiting');
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (!graph.has(d)) continue;
        if (state.get(d) === 'visiting') cycles.push([...stack.slice(stack.indexOf(d)), d].join(' → '));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});

describe('labs are plug-ins', () => {
  it('nothing outside a lab’s folders names a lab', () => {
    const found: string[] = [];
    for (const f of all) {
      const ownLab = /^(?:src\/labs|models)\/([^/]+)\//.exec(f)?.[1];
      if (f === 'src/labs/registry.ts') continue;
      const text = readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const id of LAB_IDS) {
        if (id === ownLab) continue;
        if (new RegExp(`['"\`]${id}['"\`/]`).test(text)) found.push(`${f}: ${id}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('a lab imports nothing from another lab’s folders (shared pieces live in the kit or src/labs/)', () => {
    const labOf = (f: string) => /^(?:src\/labs|models)\/([^/]+)\//.exec(f)?.[1];
    const found: string[] = [];
    for (const [f, deps] of graph) {
      const own = labOf(f);
      if (!own || !LAB_IDS.includes(own)) continue;
      for (const d of deps) {
        const other = labOf(d);
        if (other && other !== own && LAB_IDS.includes(other)) found.push(`${f} → ${d}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the registry has one line per lab, each a folder with its three faces', () => {
    const registry = readFileSync(join(ROOT, 'src/labs/registry.ts'), 'utf8');
    const lines = registry.split('\n').filter((l) => l.startsWith('export'));
    expect(lines).toHaveLength(LAB_IDS.length);
    for (const id of LAB_IDS) {
      for (const face of ['shared/lab.ts', 'worker/index.ts', 'worker/browser.ts', 'worker/node.ts', 'client/index.ts']) {
        expect(all, `${id}: ${face}`).toContain(`src/labs/${id}/${face}`);
      }
    }
  });
});
