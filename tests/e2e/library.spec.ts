import { events, expect, shownStep, test, waitForReady } from './fixtures';

const LIB_PAGE = 'http://127.0.0.1:4174/tests/lib-page/index.html';

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
