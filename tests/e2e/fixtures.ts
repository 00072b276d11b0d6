/**
 * Shared browser-test fixtures: every test fails on a console error or an uncaught page error,
 * and can read the public `distill-*` events the page fired.
 */
import { expect, test as base, type Page } from '@playwright/test';

export interface DistillEvents {
  steps: { step: number; running: boolean; probeKlStudent: number; klStudent: number; examplesPerSecond: number }[];
  backends: { name: string; requested: string; adapter: string; fallbackReason?: string }[];
  errors: { code: string; message: string }[];
}

declare global {
  interface Window {
    __distill: DistillEvents;
  }
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      // Record the public events from the first script on, as an embedding page would.
      await page.addInitScript(() => {
        const log: DistillEvents = { steps: [], backends: [], errors: [] };
        window.__distill = log;
        addEventListener('distill-step', (e) => log.steps.push((e as CustomEvent).detail));
        addEventListener('distill-backend', (e) => log.backends.push((e as CustomEvent).detail));
        addEventListener('distill-error', (e) => log.errors.push((e as CustomEvent).detail));
      });
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export function events(page: Page): Promise<DistillEvents> {
  return page.evaluate(() => window.__distill);
}

/** Waits until the playground has finished its first run setup (the step-0 snapshot). */
export async function waitForReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => window.__distill.steps.length > 0, null, { timeout });
}

/** The step count the status line shows; -1 while a run is starting (the line then says what loads). */
export async function shownStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-line').textContent()) ?? '';
  if (/^\s*starting/.test(text)) return -1;
  const match = /Step ([\d,]+)/.exec(text);
  if (!match) throw new Error(`no step in status line: ${text}`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** Sum of the KL(teacher ‖ student) numbers shown under the probe cards (the page shows the selected probe's). */
export async function shownProbeKl(page: Page): Promise<number> {
  const values = await page.locator('[data-testid^="kl-student-"]').allTextContents();
  if (values.length === 0) throw new Error('no probe KL shown');
  return values.reduce((sum, v) => sum + Number(v), 0);
}
