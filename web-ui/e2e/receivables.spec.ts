import { expect, test } from '@playwright/test';
import { expectAccessible, pickMonth, signIn, tourScreenshot } from './support';

test('the receivables dashboard of a month: DSO over time, aging, paid on time, digital share and the forecast as charts', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'billing');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Kundefordringer' }).click();
  await expect(page).toHaveURL(/\/receivables$/);
  // February 2026 (the test's today is 15 March): the period and the stock at the start of 1 March
  await pickMonth(page.getByRole('button', { name: 'Måned' }), '2026-02');
  await expect(page).toHaveURL(/\?month=2026-02$/);
  await expect(page.getByText('Perioden 01.02.2026 til 01.03.2026')).toBeVisible();
  await expect(page.getByTestId('open')).toContainText('kr');

  // DSO month by month: twelve calls of the figures, a point for each month with credit sales (here February only)
  const dso = page.getByRole('region', { name: 'DSO over tid (siste 12 måneder)' });
  await expect(dso.getByRole('img', { name: /^DSO i dager per måned: .*2026-02: / })).toBeVisible();
  await expect(dso.locator('.recharts-line-dots circle').first()).toBeVisible();
  // aging: the open amounts by bucket as bars, the buckets named for those who do not see them
  const aging = page.getByRole('region', { name: 'Aldersfordeling av utestående' });
  await expect(aging.getByRole('img', { name: /Ikke forfalt: .*Over 90 dager: / })).toBeVisible();
  // the buckets with an amount are drawn (an empty bucket is a bar of no height)
  await expect(aging.locator('.recharts-bar-rectangle path:visible').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Betalt i tide' }).getByTestId('paid-on-time'))
    .toHaveText(/betalt innen forfall \(\d+ av \d+\); .* før purring \(\d+ av \d+\)\./);
  await expect(page.getByRole('region', { name: 'Digital andel av utsendte fakturaer' }).getByTestId('digital-share'))
    .toHaveText(/digitalt \(\d+ av \d+\)/);
  // the forecast: the 60 days from 1 March, as a stepped area
  const forecast = page.getByRole('region', { name: 'Forventet innbetalt neste 60 dager' });
  await expect(forecast.getByTestId('forecast')).toContainText('forfaller de 60 dagene fra 01.03.2026');
  // (the stock at 1 March is what was issued before it; in this fixture nothing of it falls due then, so the area may be flat)
  await expect(forecast.getByTestId('forecast-chart')).toBeVisible();
  await expect(forecast.locator('.recharts-area').first()).toBeAttached();
  await expectAccessible(page);
  await tourScreenshot(page, 'receivables');
});

test('a month the browser cannot make sense of falls back to last month, and the dashboard says so by its period', async ({ page }) => {
  await page.goto('/receivables?month=2026-13');
  await signIn(page, 'customer-service');
  await expect(page.getByRole('heading', { level: 1, name: 'Kundefordringer' })).toBeVisible();
  // last month by the application's today (15 March 2026), not the browser's
  await expect(page.getByText('Perioden 01.02.2026 til 01.03.2026')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Måned' })).toHaveText('februar 2026');
  await expectAccessible(page);
});
