import { events, expect, shownStep, test, waitForReady } from './fixtures';

/** Two small students and a small transfer set: quick to train, same code path as the presets. */
const SMALL = 'lab=mnist&s1=32-labels&s2=32-kd-full&n=1000&batch=32&lr=0.003&T=4';

test.describe('the MNIST lab', () => {
  test('loads the teacher and images, and trains on wasm', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/?${SMALL}&backend=wasm&speed=0`);
    await waitForReady(page, 120_000);
    await expect(page.getByText(/test errors of 10,000/)).toBeVisible();
    await expect(page.getByLabel('Lab', { exact: true })).toHaveValue('mnist');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => shownStep(page), { timeout: 90_000 }).toBeGreaterThan(40);
    await page.getByRole('button', { name: 'Pause' }).click();
    // The students' test errors (out of 10,000) fall well below chance once they have trained.
    await expect
      .poll(async () => {
        const last = (await events(page)).steps.at(-1) as unknown as { students?: { errors: number }[] };
        return Math.max(...(last.students ?? []).map((s) => s.errors));
      }, { timeout: 60_000 })
      .toBeLessThan(5000);
    await expect(page.getByTestId('top3')).toBeVisible();
  });

  test('feedback from the first step: a training loss at once, the test set measured a chunk at a time', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/?lab=mnist&backend=wasm');
    await waitForReady(page, 120_000);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => window.__distill.steps.some((s) => s.step >= 1), null, { timeout: 60_000 });
    // Within 3 s of the first trained snapshot, a student's training loss is shown as a number.
    const loss = page.locator('[data-testid^="latest-loss-student-"] .num').first();
    await expect(loss).toHaveText(/\d\.\d+ nats/, { timeout: 3_000 });
    const detail = (await events(page)).steps.find((s) => s.step >= 1) as unknown as { students: { trainLoss: number }[]; evaluation: { done: number; total: number } };
    expect(detail.students.every((s) => s.trainLoss > 0)).toBe(true);
    expect(detail.evaluation.total).toBe(10_000);
    // While a pass is partial the panel says how much of the test set the errors stand on.
    await expect(page.getByTestId('evaluation')).toHaveText(/evaluating [\d,]+ \/ 10,000 test images/, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('drawing on the pad changes the distributions shown', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/?${SMALL}&backend=wasm`);
    await waitForReady(page, 120_000);
    const top = page.getByTestId('top3');
    await expect(top).toBeVisible();
    const before = await top.textContent();
    const pad = page.getByTestId('pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    // A "7": a bar across the top, then a stroke down and to the left.
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.8, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByTestId('selected-title')).toHaveText('Your drawing', { timeout: 30_000 });
    await expect.poll(() => top.textContent(), { timeout: 30_000 }).not.toBe(before);
  });

  test('switching lab in the page keeps both experiments in the link', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/?backend=wasm&dataset=moons');
    await waitForReady(page);
    await page.getByLabel('Lab', { exact: true }).selectOption('mnist');
    await expect.poll(() => new URL(page.url()).searchParams.get('lab'), { timeout: 10_000 }).toBe('mnist');
    await expect(page.getByText(/test errors of 10,000/)).toBeVisible({ timeout: 120_000 });
    await page.getByLabel('Lab', { exact: true }).selectOption('toy2d');
    await expect(page.getByLabel('Data set', { exact: true })).toHaveValue('moons', { timeout: 60_000 });
  });

  test('WebGPU (SwiftShader): a few steps run', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto('/?lab=mnist&s1=16-labels&s2=16-kd-full&n=200&batch=16&backend=webgpu');
    await waitForReady(page, 240_000);
    expect((await events(page)).backends.at(-1)).toMatchObject({ name: 'webgpu' });
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => shownStep(page), { timeout: 60_000 }).toBe(1);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => shownStep(page), { timeout: 60_000 }).toBe(2);
  });
});
