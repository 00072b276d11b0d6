/** A newcomer's first minute: Play, Step or a shortcut pressed while the run starts is carried out when it is ready. */
import { events, expect, shownStep, test, waitForReady } from './fixtures';

test.describe('Play, Step and shortcuts pressed while the run starts', () => {
  test('Play clicked as soon as it appears starts training, with no second click', async ({ page }) => {
    await page.goto('/?backend=wasm&speed=30');
    const play = page.getByRole('button', { name: 'Play' });
    await play.click(); // as soon as Playwright sees it: the worker is still loading tfjs and the teacher
    // Either still starting (the status says what loads and that Play is remembered) or already training.
    const log = await events(page);
    if (log.steps.length === 0) await expect(page.getByTestId('status-pending')).toContainText('Play pressed');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(3);
    const after = await events(page);
    expect(after.steps.at(-1)!.running).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('while starting, the status says what is loading; Step and → are remembered', async ({ page }) => {
    // Hold the teacher's weights back so the start is visibly in progress.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/weights-*.bin', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/?backend=wasm');
    await expect(page.getByTestId('status-starting')).toContainText(/Starting WebAssembly|loading the teacher|training worker/);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('status-pending')).toHaveText('2 steps pressed: they run as soon as the run is ready.');
    expect((await events(page)).steps).toHaveLength(0);
    release();
    await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBe(2);
  });

  test('after Reset and a backend switch, Play pressed at once is carried out', async ({ page }) => {
    await page.goto('/?backend=wasm&speed=30');
    await waitForReady(page);
    // Reset, then Space straight away.
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Space');
    await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

    // Backend switch, then Play while the run restarts on the new backend.
    await page.getByLabel('Backend', { exact: true }).selectOption('cpu');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await events(page)).backends.at(-1)?.name, { timeout: 30_000 }).toBe('cpu');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    const stepsBefore = (await events(page)).steps.length;
    await expect.poll(async () => (await events(page)).steps.slice(stepsBefore).some((s) => s.step > 2 && s.running), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('after a lab switch, Play pressed at once is carried out', async ({ page }) => {
    await page.goto('/?backend=wasm');
    await waitForReady(page);
    // Switch to MNIST, then Play before its images and teacher are in.
    await page.getByLabel('Lab', { exact: true }).selectOption('mnist');
    await expect(page.getByTestId('status-starting')).toBeVisible();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => shownStep(page), { timeout: 90_000, intervals: [500] }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).click();
  });
});
