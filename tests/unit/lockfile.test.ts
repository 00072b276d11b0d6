import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` must pass on a fresh clone as it is. A lockfile entry without a version (npm once wrote
 * such placeholders for optional dependencies the registry did not serve yet) breaks it the day the
 * registry starts serving the package ("npm error Invalid Version:").
 */
interface LockEntry {
  version?: string;
  link?: boolean;
  resolved?: string;
}

const lockPath = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** The entries that npm cannot place: every package entry needs a version, or is a link. */
export function entriesWithoutVersion(packages: Record<string, LockEntry>): string[] {
  return Object.entries(packages)
    .filter(([path]) => path !== '') // the root project itself
    .filter(([, entry]) => !entry.link && !(typeof entry.version === 'string' && entry.version.length > 0))
    .map(([path]) => path);
}

describe('package-lock.json', () => {
  it('is a lockfile npm ci reads (version 3 with a packages map)', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(Object.keys(lock.packages).length).toBeGreaterThan(10);
  });

  it('has a version (or link) on every package entry', () => {
    expect(entriesWithoutVersion(lock.packages), 'entries without a version').toEqual([]);
  });

  it('the check names a version-less placeholder', () => {
    const bad = entriesWithoutVersion({
      '': {},
      'node_modules/ok': { version: '1.0.0' },
      'node_modules/linked': { link: true },
      'node_modules/vite/node_modules/napi-windows-process-start-time': {},
      'node_modules/empty': { version: '' },
    });
    expect(bad).toEqual(['node_modules/vite/node_modules/napi-windows-process-start-time', 'node_modules/empty']);
  });
});
