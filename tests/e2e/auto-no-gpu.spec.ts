/**
 * `auto` on a machine without a usable GPU: Chromium launched with no GPU flags offers WebGL through
 * SwiftShader (and no WebGPU adapter), as a school laptop with a blocklisted driver does. `auto`
 * must set the software renderer aside and start training at once on WebAssembly.
 */
import type { Page } from '@playwright/test';
import { QUIET_ARGS, chromiumPath } from './chromium';
import { events, expect, test, waitForReady } from './fixtures';

// Launch options force their own worker, so they are set for the whole file.
test.use({ launchOptions: { executablePath: chromiumPath(), args: [...QUIET_ARGS] } });

declare global {
  interface Window {
    __firstStepAt?: number;
  }
}

/** Page time of the first `distill-step` past step 0 (a training step, not a run's first readout). */
async function recordFirstStep(page: Page): Promise<void> {
  await page.addInitScript(() => {
    addEventListener('distill-step', (e) => {
      if ((e as CustomEvent<{ step: number }>).detail.step >= 1 && window.__firstStepAt === undefined) window.__firstStepAt = performance.now();
    });
  });
}

test.describe('auto on a machine without a usable GPU (no GPU flags: WebGL is SwiftShader)', () => {
  test('auto skips the software renderer, says why, trains within 3 s of Play, and the next visit reuses the choice', async ({ page }) => {
    await recordFirstStep(page);
    await page.goto('/?speed=0');
    await waitForReady(page);
    const chosen = (await events(page)).backends.at(-1)!;
    expect(chosen).toMatchObject({ name: 'wasm', requested: 'auto' });
    await expect(page.getByTestId('status-why')).toContainText('software renderer: SwiftShader');
    await expect(page.getByTestId('status-line')).toContainText('WebAssembly');
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => window.__firstStepAt !== undefined, null, { timeout: 30_000 });
    const firstStepAfter = (await page.evaluate(() => window.__firstStepAt!)) - clickedAt;
    console.log(`auto without GPU flags: ${chosen.name}; first training step ${Math.round(firstStepAfter)} ms after Play`);
    expect(firstStepAfter).toBeLessThan(3_000);
    await page.getByRole('button', { name: 'Pause' }).click();

    // Next visit on this device: the choice is remembered for this lab, and said so.
    await page.reload();
    await waitForReady(page);
    await expect(page.getByTestId('status-why')).toContainText('earlier visit');
    expect((await events(page)).backends.at(-1)).toMatchObject({ name: 'wasm', requested: 'auto', auto: { remembered: true } });
  });

  test('a ?backend= link wins over the remembered choice', async ({ page }) => {
    await page.goto('/');
    await waitForReady(page);
    await page.goto('/?backend=cpu');
    await waitForReady(page);
    expect((await events(page)).backends.at(-1)).toMatchObject({ name: 'cpu', requested: 'cpu' });
    await expect(page.getByTestId('status-why')).toHaveCount(0);
  });
});
