/**
 * Shared Chromium launch settings for Playwright tests and the benchmark.
 *
 * No browser download works on our machines, so we prefer Debian's `chromium` and fall back to
 * Playwright's own build only if it happens to be installed. GPU features run on SwiftShader
 * (software Vulkan / GL), which is what makes WebGPU and WebGL available in headless CI.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Path of the Chromium binary to launch: env override → Debian's → Playwright's (if present). */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright throws when its browser registry has no entry; let the caller report it.
  }
  return undefined;
}

/** WebGPU (SwiftShader Vulkan) flags; WebGPU also needs a secure origin such as http://127.0.0.1. */
export const WEBGPU_ARGS: readonly string[] = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--disable-vulkan-surface',
];

/** WebGL / WebGL2 on SwiftShader through ANGLE (no GPU on CI). */
export const WEBGL_ARGS: readonly string[] = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** Quiet, offline-friendly headless Chromium: without these it keeps retrying the closed network. */
export const QUIET_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const CHROMIUM_ARGS: string[] = [...QUIET_ARGS, ...WEBGPU_ARGS, ...WEBGL_ARGS];
