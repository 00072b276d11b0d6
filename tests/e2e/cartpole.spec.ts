import { events, expect, test, waitForReady } from './fixtures';

interface CartpoleStep {
  step: number;
  examplesSeen: number;
  distilled: { meanReturn: number; episodes: number };
  rewardOnly: { meanReturn: number };
}

async function cartpoleSteps(page: import('@playwright/test').Page): Promise<CartpoleStep[]> {
  return (await events(page)).steps as unknown as CartpoleStep[];
}

/** The distilled student's mean return as the returns table shows it (NaN before its first episode). */
async function shownMeanReturn(page: import('@playwright/test').Page): Promise<number> {
  const text = (await page.getByTestId('mean-distilled').textContent()) ?? '';
  return Number(text.replace(/,/g, ''));
}

test.describe('the CartPole lab', () => {
  test("on wasm, Play makes the distilled student's episode return rise, and the replay shows both choices", async ({ page }) => {
    await page.goto('/?lab=cartpole&backend=wasm&speed=0');
    await waitForReady(page);
    await expect(page.getByText(/reached the 500-step cap in 100 of 100 seeded episodes/)).toBeVisible();
    await expect(page.getByRole('img', { name: /^Cart at .* m, pole at .*°, step \d+\.$/ })).toBeVisible();
    await expect(page.getByText(/Teacher would push (left|right)/)).toBeVisible();
    expect(Number.isNaN(await shownMeanReturn(page))).toBe(true);

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect.poll(() => shownMeanReturn(page), { timeout: 30_000, intervals: [250] }).toBeGreaterThan(200);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();

    const steps = (await cartpoleSteps(page)).filter((s) => s.distilled.episodes > 0);
    expect(steps.length).toBeGreaterThan(1);
    const first = steps[0]!;
    const last = steps.at(-1)!;
    expect(last.examplesSeen).toBeGreaterThan(first.examplesSeen);
    expect(last.distilled.meanReturn).toBeGreaterThan(first.distilled.meanReturn + 100);

    // The slow replay plays on, one state at a time, with the chosen student.
    await page.getByLabel('Student shown').selectOption({ label: 'Reward only' });
    await page.getByRole('button', { name: 'Play one episode slowly' }).click();
    const stepText = page.getByTestId('replay-step');
    await expect(stepText).toContainText(/^Step [1-9]/, { timeout: 5_000 });
  });

  test('a malformed link value gets a notice and the default', async ({ page }) => {
    await page.goto('/?lab=cartpole&backend=wasm&states=sideways&T=2');
    await expect(page.getByRole('alert').or(page.getByText(/could not be used/))).toContainText('states=“sideways”');
    await waitForReady(page);
    await expect(page.getByLabel('States the distilled student learns on')).toHaveValue('student');
    await expect(page.getByText('2.00', { exact: true })).toBeVisible();
  });
});
