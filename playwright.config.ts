import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/chromium';

/**
 * Browser tests: real headless Chromium (Debian's, no download), WebGPU and WebGL on SwiftShader.
 * `npm run test:e2e` builds dist/ (the app) and dist-lib/ (the embeddable library) first.
 */
const CI = !!process.env.CI;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  // 2-core machines, and software WebGPU is CPU-hungry: one test at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: CI,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      // The built playground app (dist/), as users get it.
      command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort --bypass-lock',
      url: 'http://127.0.0.1:4173',
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The repo root as plain files, so tests/lib-page/index.html can load ../../dist-lib/*.
      command: 'node tests/e2e/static-server.mjs 4174',
      url: 'http://127.0.0.1:4174/package.json',
      reuseExistingServer: !CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
