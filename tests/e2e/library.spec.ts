import { events, expect, shownStep, test, waitForReady } from './fixtures';

/** The repo root served by tests/e2e/static-server.mjs (playwright.config.ts); LIB_ORIGIN for a private server. */
const LIB_PAGE = `${process.env.LIB_ORIGIN ?? 'http://127.0.0.1:4174'}/tests/lib-page/index.html`;

test.describe('library build on a plain page', () => {
  test('the built module alone gives a working <distill-playground>, loaded twice without error', async ({ page }) => {
    await page.goto(LIB_PAGE);
    await expect(page.getByRole('heading', { name: 'Distill Playground' })).toBeVisible();
    expect(await page.evaluate(() => customElements.get('distill-playground') !== undefined)).toBe(true);
    await waitForReady(page);
    await expect(page.getByLabel('Data set', { exact: true })).toHaveValue('moons');
    expect((await events(page)).backends.at(-1)).toMatchObject({ name: 'wasm' });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Pause' }).click();
    // Events reach the host page.
    const log = await events(page);
    expect(log.steps.at(-1)!.step).toBeGreaterThan(20);
    // Every asset came from our own build, relative to the module: nothing from another host.
    const foreign = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => !u.startsWith(location.origin) && !u.startsWith('blob:') && !u.startsWith('data:')),
    );
    expect(foreign).toEqual([]);
    // Served cross-origin isolated (tests/e2e/static-server.mjs): the threaded wasm binary.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect((await events(page)).backends.at(-1)!.adapter).toMatch(/^SIMD · \d+ threads?$/);
  });

  test('works on a host that sends no isolation headers: single thread, and the status says why', async ({ page }) => {
    await page.goto(`${LIB_PAGE}?isolation=off`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await waitForReady(page);
    expect((await events(page)).backends.at(-1)).toMatchObject({ name: 'wasm', adapter: 'SIMD · 1 thread (page not cross-origin isolated)' });
    await expect(page.getByText(/1 thread \(page not cross-origin isolated\)/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(5);
  });

  test('does not restyle the host page', async ({ page }) => {
    await page.goto(LIB_PAGE);
    await waitForReady(page);
    const styles = await page.evaluate(() => {
      const pick = (id: string, props: string[]) => {
        const cs = getComputedStyle(document.getElementById(id)!);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      };
      return {
        body: pick('host-text', ['font-family', 'font-size']),
        title: pick('host-title', ['color', 'font-size']),
        button: pick('host-button', ['background-color', 'font-size']),
        background: getComputedStyle(document.body).backgroundColor,
        headStyles: document.head.querySelectorAll('style').length,
      };
    });
    expect(styles.body['font-family']).toContain('Georgia');
    expect(styles.body['font-size']).toBe('15px');
    expect(styles.title).toEqual({ color: 'rgb(128, 0, 0)', 'font-size': '28px' });
    expect(styles.button['background-color']).toBe('rgb(255, 105, 180)');
    expect(styles.background).toBe('rgb(255, 250, 240)');
    // Only the page's own <style>: the widget keeps its CSS in its shadow root.
    expect(styles.headStyles).toBe(1);
  });
});
