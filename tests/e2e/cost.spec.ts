import { expect, test, waitForReady } from './fixtures';

/** The repo root served by tests/e2e/static-server.mjs (playwright.config.ts); LIB_ORIGIN for a private server. */
const COST_PAGE = `${process.env.LIB_ORIGIN ?? 'http://127.0.0.1:4174'}/tests/lib-page/cost.html`;

test.describe('<distill-cost> alone on a plain page', () => {
  test('shows DeepSeek-V3 Table 1 without starting a worker or loading tfjs', async ({ page }) => {
    // Count workers as the page creates them.
    await page.addInitScript(() => {
      const NativeWorker = window.Worker;
      const w = window as unknown as { __workersStarted: number };
      w.__workersStarted = 0;
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          w.__workersStarted++;
        }
      };
    });
    await page.goto(COST_PAGE);
    const cost = page.locator('distill-cost');
    await expect(cost.getByRole('heading', { name: 'What would this cost at scale?' })).toBeVisible();
    await expect(cost.getByTestId('deepseek-gpu-hours')).toHaveText('2,788K');
    await expect(cost.getByTestId('deepseek-dollars')).toHaveText('$5.576M');
    // The fleet stands beside the run.
    await expect(cost.getByTestId('fleet-capex')).toHaveText('~$1.6B');
    // Nothing measured yet: the run's bars ask for a run.
    await expect(cost.getByTestId('bar-run-browser')).toHaveText('run the playground to measure');
    // The implied utilisation is computed, not typed in.
    await expect(cost.getByTestId('deepseek-mfu')).toContainText('34.6\u00a0%');

    // No worker, no tfjs, no wasm: the widget is plain arithmetic.
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(resources.filter((u) => /worker|\.wasm|tfjs|tensorflow/i.test(u))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __workersStarted: number }).__workersStarted)).toBe(0);
    expect(await page.evaluate(() => 'tf' in window)).toBe(false);
  });

  test('editing the H800 price to $4 doubles the dollars shown', async ({ page }) => {
    await page.goto(COST_PAGE);
    const cost = page.locator('distill-cost');
    await expect(cost.getByTestId('deepseek-dollars')).toHaveText('$5.576M');
    const changes = page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          addEventListener('distill-cost-change', (e) => resolve((e as CustomEvent).detail.prices.h800), { once: true }),
        ),
    );
    const price = cost.getByLabel('H800 price per GPU-hour, US$', { exact: true });
    await price.fill('4');
    await price.press('Enter');
    // Embedders hear about it.
    expect(await changes).toBe(4);
    await expect(cost.getByTestId('deepseek-dollars')).toHaveText('$11.152M');
    await expect(cost.getByTestId('deepseek-gpu-hours')).toHaveText('2,788K');
    await expect(cost.getByTestId('bar-deepseek-v3')).toContainText('$11.152M');
    // The projection on H800s follows the same price: $5.328M → $10.656M.
    await expect(cost.getByTestId('projection-dollars')).toContainText('$10.656M');
  });

  test('every assumption is reachable and editable from the keyboard', async ({ page }) => {
    await page.goto(COST_PAGE);
    const cost = page.locator('distill-cost');
    await cost.getByRole('radio', { name: /Your student at scale/ }).check();
    await expect(cost.getByLabel('N: active parameters')).toHaveValue('371');
    const tokens = cost.getByLabel('D: training tokens');
    await tokens.fill('1T');
    await tokens.press('Tab');
    // 6 × 371 × 1e12 = 2.226e15 FLOPs.
    await expect(cost.getByTestId('projection-flops')).toContainText('2.23 \u00d7 10\u00b9\u2075 FLOPs');
    const params = cost.getByLabel('N: active parameters');
    await params.fill('lots');
    await params.press('Tab');
    await expect(cost.getByRole('alert')).toContainText('Type a positive number');
    await expect(params).toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('<distill-cost> inside the playground', () => {
  // Needs <distill-playground> to embed <distill-cost> and pass it the live run (lead's wiring).
  test('the run\u2019s FLOP counter rises while the playground trains', async ({ page }) => {
    await page.goto('/?backend=wasm&speed=0');
    await waitForReady(page);
    const flops = page.locator('distill-cost').getByTestId('cost-run-flops');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(flops).toBeVisible({ timeout: 30_000 });
    const read = async (): Promise<number> => {
      const text = ((await flops.textContent()) ?? '').replace(/\s+/g, ' ');
      const sci = /([\d.]+) \u00d7 10([\u207b\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)/.exec(text);
      if (!sci) return Number(text.replace(/[^\d.]/g, ''));
      const digits = '\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079';
      const exponent = Number([...sci[2]!].map((c) => (c === '\u207b' ? '-' : digits.indexOf(c))).join(''));
      return Number(sci[1]) * 10 ** exponent;
    };
    const first = await read();
    await expect.poll(read, { timeout: 30_000 }).toBeGreaterThan(first);
    await expect(page.locator('distill-cost').getByTestId('cost-run-speed')).toContainText('FLOP/s');
  });
});
