import { events, expect, shownProbeKl, shownStep, test, waitForReady } from './fixtures';

test.describe('the playground app', () => {
  test('loads with no console error and shows teacher, student and controls', async ({ page }) => {
    await page.goto('/?backend=wasm');
    await expect(page.getByRole('heading', { name: 'Distill Playground' })).toBeVisible();
    await waitForReady(page);
    await expect(page.getByTestId('status-line')).toContainText('WebAssembly');
    await expect(page.getByText(/Teacher: 2 → 64 → 64 → 3/)).toBeVisible();
    for (const name of ['Play', 'Step', 'Reset']) await expect(page.getByRole('button', { name })).toBeVisible();
    for (const label of ['Temperature T', 'Alpha α', 'Learning rate', 'Batch size', 'Optimizer', 'Data set', 'Backend']) {
      await expect(page.getByLabel(label, { exact: true })).toBeVisible();
    }
    await expect(page.getByRole('img', { name: /Teacher decision regions/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Student decision regions/ })).toBeVisible();
    // Before the first step, the students' starting regions are already drawn.
    await expect(page.getByText('Waiting for the first readout…')).toHaveCount(0);
    expect((await events(page)).backends.at(-1)).toMatchObject({ name: 'wasm', requested: 'wasm' });
  });

  test("on wasm, Play cuts the student's KL to the teacher on the shown probe by at least half", async ({ page }) => {
    await page.goto('/?backend=wasm&speed=0');
    await waitForReady(page);
    const before = await shownProbeKl(page);
    expect(before).toBeGreaterThan(0.3);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => shownProbeKl(page), { timeout: 60_000, intervals: [500] }).toBeLessThanOrEqual(before / 2);
    await page.getByRole('button', { name: 'Pause' }).click();
    const log = await events(page);
    const last = log.steps.at(-1)!;
    expect(last.step).toBeGreaterThan(0);
    // The event's mean over all probes fell too (the page shows the selected probe's).
    expect(Number.isFinite(last.probeKlStudent)).toBe(true);
    expect(await shownProbeKl(page)).toBeLessThanOrEqual(before / 2 + 0.01);
    expect(log.steps.some((s) => s.examplesPerSecond > 0)).toBe(true);
  });

  test('keyboard: → runs one step, Space plays and pauses', async ({ page }) => {
    await page.goto('/?backend=wasm&speed=10');
    await waitForReady(page);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shownStep(page)).toBe(1);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => shownStep(page), { timeout: 20_000 }).toBeGreaterThan(2);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('a malformed link falls back to defaults with a visible notice, and keeps the good values', async ({ page }) => {
    await page.goto('/?backend=wasm&T=abc&dataset=mandelbrot&alpha=0.5');
    await expect(page.getByRole('alert').or(page.getByText(/could not be used/))).toContainText('T=“abc”');
    await waitForReady(page);
    await expect(page.getByLabel('Data set', { exact: true })).toHaveValue('spiral');
    // The link is rewritten to what is actually running.
    await expect.poll(() => new URL(page.url()).searchParams.get('T')).toBe('4');
    expect(new URL(page.url()).searchParams.get('alpha')).toBe('0.5');
    const log = await events(page);
    expect(log.errors.some((e) => e.code === 'bad-url')).toBe(true);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => shownStep(page)).toBe(1);
  });

  test('after one Step the training loss (the distillation objective) is shown', async ({ page }) => {
    await page.goto('/?backend=wasm');
    await waitForReady(page);
    const loss = page.getByTestId('latest-train-student').locator('.num');
    await expect(loss).not.toHaveText(/\d/);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(loss).toHaveText(/\d\.\d+ nats/);
  });

  test('a link reopens the exact experiment, and changing a knob updates the link', async ({ page }) => {
    await page.goto('/?backend=wasm&dataset=clusters&hidden=8,4&act=tanh&T=2.5&alpha=0.3&batch=64&opt=sgd&seed=7');
    await waitForReady(page);
    await expect(page.getByLabel('Data set', { exact: true })).toHaveValue('clusters');
    await expect(page.getByLabel('Optimizer', { exact: true })).toHaveValue('sgd');
    await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('64');
    await expect(page.getByTestId('student-shape')).toHaveText('2 → 8 → 4 → 5');
    await page.getByLabel('Optimizer', { exact: true }).selectOption('adam');
    await expect.poll(() => new URL(page.url()).searchParams.get('opt')).toBe('adam');
    const url = new URL(page.url());
    expect(url.searchParams.get('hidden')).toBe('8,4');
    expect(url.searchParams.get('T')).toBe('2.5');
    // Reload: the same experiment comes back.
    await page.reload();
    await waitForReady(page);
    await expect(page.getByLabel('Optimizer', { exact: true })).toHaveValue('adam');
    await expect(page.getByLabel('Data set', { exact: true })).toHaveValue('clusters');
  });

  test('picking a point on the map moves the selected probe', async ({ page }) => {
    await page.goto('/?backend=wasm');
    await waitForReady(page);
    const before = await page.getByTestId('probe-0').textContent();
    const map = page.getByRole('img', { name: /Teacher decision regions/ });
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width * 0.9, y: box.height * 0.1 } });
    await expect.poll(() => page.getByTestId('probe-0').textContent()).not.toBe(before);
  });
});

test.describe('every backend trains', () => {
  test('WebGPU (SwiftShader): the backend is shown and a few steps run', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/?backend=webgpu');
    await expect(page.getByTestId('status-line')).toContainText('WebGPU', { timeout: 30_000 });
    await waitForReady(page, 120_000);
    const log = await events(page);
    expect(log.backends.at(-1)).toMatchObject({ name: 'webgpu' });
    expect(log.backends.at(-1)!.adapter).toMatch(/swiftshader/i);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => shownStep(page), { timeout: 90_000 }).toBe(1);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => shownStep(page), { timeout: 60_000 }).toBe(2);
  });

  for (const [backend, label] of [
    ['webgl', 'WebGL'],
    ['cpu', 'CPU'],
  ] as const) {
    test(`${label}: the backend is shown and steps run`, async ({ page }) => {
      await page.goto(`/?backend=${backend}&speed=100`);
      await waitForReady(page, 90_000);
      expect((await events(page)).backends.at(-1)).toMatchObject({ name: backend });
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => shownStep(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
      await page.getByRole('button', { name: 'Pause' }).click();
    });
  }

  test('switching backend in the UI restarts the run there', async ({ page }) => {
    await page.goto('/?backend=wasm');
    await waitForReady(page);
    await page.getByLabel('Backend', { exact: true }).selectOption('cpu');
    await expect.poll(async () => (await events(page)).backends.at(-1)?.name, { timeout: 30_000 }).toBe('cpu');
    await expect.poll(() => new URL(page.url()).searchParams.get('backend')).toBe('cpu');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => shownStep(page)).toBe(1);
  });
});
