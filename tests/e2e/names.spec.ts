import { events, expect, test, waitForReady } from './fixtures';

interface NamesDetail {
  step: number;
  evaluatedAt: number;
  students: { access: string; nll: number; queries: number }[];
}

const lastDetail = async (page: import('@playwright/test').Page) => (await events(page)).steps.at(-1) as unknown as NamesDetail;

test.describe('the names lab', () => {
  test('a typed prefix changes the distributions; on wasm the students’ validation NLL falls while training', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto('/?lab=names&backend=wasm&speed=0');
    await waitForReady(page, 90_000);
    await expect(page.getByLabel('Lab', { exact: true })).toHaveValue('names');
    const top = page.getByTestId('top3');
    await expect(top).toBeVisible();
    await expect(page.getByTestId('prefix-showing')).toHaveText('At the start of a name');
    const atStart = await top.textContent();

    // Type a prefix: the bars follow.
    const box = page.getByRole('textbox', { name: 'Prefix' });
    await box.fill('Mar');
    await expect(page.getByTestId('prefix-showing')).toHaveText('After \u201cmar\u201d');
    await expect.poll(() => top.textContent()).not.toBe(atStart);
    // A prefix that cannot be one is refused, readably, and the last good one stays.
    await box.fill('mar1');
    await expect(page.getByRole('alert')).toContainText('Letters a\u2013z only');
    await expect(page.getByTestId('prefix-showing')).toHaveText('After \u201cmar\u201d');
    await box.fill('mar');
    await expect(page.getByRole('alert')).toHaveCount(0);

    const first = await lastDetail(page);
    expect(first.students.map((s) => s.access)).toEqual(['full', 'text', 'data']);
    const start = first.students.map((s) => s.nll);
    // Fresh students are near uniform: ln 27 ≈ 3.30 nats per character.
    for (const nll of start) expect(nll).toBeGreaterThan(3);

    await page.getByRole('button', { name: 'Play' }).click();
    const afterPrefix = await top.textContent();
    await expect
      .poll(async () => {
        const d = await lastDetail(page);
        return d.evaluatedAt > 0 ? Math.max(...d.students.map((s, i) => s.nll - start[i]!)) : 0;
      }, { timeout: 60_000 })
      .toBeLessThan(-0.3);
    await page.getByRole('button', { name: 'Pause' }).click();
    const d = await lastDetail(page);
    // The meter: the full-distribution and text students have asked the teacher; data-only has not.
    expect(d.students[0]!.queries).toBeGreaterThan(0);
    expect(d.students[1]!.queries).toBeGreaterThan(0);
    expect(d.students[2]!.queries).toBe(0);
    await expect(page.getByTestId('meter-row-3')).toContainText('no queries');
    await expect(page.getByTestId('nll-1')).toHaveText(/\d\.\d{3} nats/);
    // The students' bars converge: the prefix distributions changed while training.
    await expect.poll(() => top.textContent()).not.toBe(afterPrefix);
    await expect(page.getByTestId('stream-student-1')).toContainText('in training');
  });
});
