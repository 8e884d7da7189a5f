import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn, pickDate } from './support';

test('the metering point: history, and ordering Norgespris shows the refusal at the field and then the queued command', async ({ page }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'customer-service');
  await page.getByRole('link', { name: fixture.meteringPointId }).click();
  await expect(page).toHaveURL(new RegExp(`/metering-points/${fixture.meteringPointId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fixture.meteringPointId);
  await expect(page.getByRole('region', { name: 'Egenskaper og historikk' }).getByText('fra 01.01.2026')).toBeVisible();
  await expect(page.getByText('Ingen bestillinger sendt.')).toBeVisible();
  // the day and the month default to last month by the application's today (15 March 2026), not the browser's
  await expect(page.getByRole('region', { name: 'Avregning per dag' }).getByRole('button', { name: 'Måned' })).toHaveText('februar 2026');
  await expect(page.getByRole('region', { name: 'Måleverdier' }).getByLabel('Dag')).toHaveValue('01.02.2026');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Bestill Norgespris' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bestill Norgespris' });
  await pickDate(dialog.getByLabel('Fra dato'), '2020-01-01');
  await dialog.getByRole('button', { name: 'Bestill Norgespris' }).click();
  // the API's rule, next to the field; nothing was sent
  // in the summary at the top (which takes the focus) and at the field
  await expect(dialog.getByRole('alert')).toContainText('Norgespris kan bestilles fra i dag eller senere.');
  await expect(dialog.getByRole('alert')).toBeFocused();
  await expect(dialog.getByLabel('Fra dato')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await pickDate(dialog.getByLabel('Fra dato'), '2026-04-01');
  await dialog.getByRole('button', { name: 'Bestill Norgespris' }).click();
  await expect(dialog).toBeHidden();
  const commands = page.getByRole('region', { name: 'Norgespris hos Elhub' });
  await expect(commands.getByText('01.04.2026')).toBeVisible();
  await expect(commands.getByText('I kø mot Elhub')).toBeVisible();
  await expectAccessible(page);
});

test('the cost explainer: each hour of a day, what was covered at what price, summing to the day', async ({ page }) => {
  await page.goto(`/metering-points/${fixture.explainedMeteringPointId}?month=2026-02&day=2026-02-10`);
  await signIn(page, 'customer-service');
  const why = page.getByRole('region', { name: 'Hvorfor dette beløpet – 10.02.2026' });
  // 9 days × 48 kWh used before the day, of the 5 000 kWh cap; Norgespris 0.40 kr/kWh
  await expect(why).toContainText('Brukt i måneden før dagen: 432,000\u00a0kWh av taket på 5\u00a0000,000\u00a0kWh');
  await expect(why).toContainText('0,40\u00a0kr/kWh');
  await expect(why.getByRole('row')).toHaveCount(1 + 24 + 1);
  // 00:00–01:00: 2.000 kWh at 1.20, covered: (1.20 − 0.40) × 2.000 × 1.25 = 2.00 kr; the day 24 × 2.00 = 48.00 kr
  const first = why.getByRole('row').nth(1);
  await expect(first).toContainText('00:00–01:00');
  await expect(first).toContainText('2,000\u00a0kWh');
  await expect(first).toContainText('1,20\u00a0kr/kWh');
  await expect(first).toContainText('Dekket');
  await expect(first).toContainText('2,0000\u00a0kr');
  await expect(why.getByTestId('day-amount')).toHaveText('48,0000\u00a0kr');
  await expect(why).toContainText('Måneden er ikke fakturert ennå');
  // the day's meter values as a chart: 96 quarter-hours of 0.500 kWh = 48 kWh, the spot price beside them
  const values = page.getByRole('region', { name: 'Måleverdier' });
  await expect(values).toContainText('48,000\u00a0kWh i 96 intervaller');
  await expect(values.getByRole('img', { name: /Forbruk per intervall, til sammen 48,000/ })).toBeVisible();
  await expect(values.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expectAccessible(page);
});

test('a day with nothing to explain says so, without an error', async ({ page }) => {
  // the fixture's explained point has meter values only in February 2026
  await page.goto(`/metering-points/${fixture.explainedMeteringPointId}?day=2026-01-10`);
  await signIn(page, 'customer-service');
  await expect(page.getByText('Ingen avregning å forklare for dagen')).toBeVisible();
  await expect(page.getByText('Noe gikk galt')).toHaveCount(0);
});
