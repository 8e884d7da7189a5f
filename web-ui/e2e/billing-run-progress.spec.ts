import { expect, test } from '@playwright/test';
import { expectAccessible, pickMonth, signIn } from './support';

// WebUiBrowserTest's paced-run fixture: businesses supplied in exactly this month (no other test supplies anyone in it),
// one metering point each with a whole month of 0.100 kWh a quarter-hour, on a variable product at 1.00 kr/kWh
const paced = {
  month: process.env.PACED_MONTH ?? '2025-06',
  customers: Number(process.env.PACED_CUSTOMERS ?? '18'),
  customer: process.env.PACED_CUSTOMER ?? '',
};
// the daytime pace the run is started with: one customer per partition at a time, then this pause. The run bills in
// rounds (each of its 6 partitions one customer, then the pause), so with 18 customers there are at least three: the
// screen sees the second round come in, and the stop lands in the pause after it — seconds of room on a slow machine
const PAUSE_SECONDS = 10;

test('a paced run for all customers followed live: the count moves without reloading, the run stopped half-way and restarted where it stopped, each customer billed once', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/billing-runs');
  await signIn(page, 'billing');
  const start = page.getByRole('region', { name: 'Start fakturakjøring' });
  await pickMonth(start.getByLabel('Måned'), paced.month);
  const pace = start.getByRole('group', { name: 'Skånsom kjøring på dagtid (valgfritt)' });
  // a pause beyond ten minutes is refused at its field
  await pace.getByLabel('Kunder per bolk').fill('1');
  await pace.getByLabel('Pause mellom bolker (sekunder)').fill('601');
  await start.getByRole('button', { name: 'Start kjøring' }).click();
  await expect(start.getByRole('alert')).toContainText('En pause på 0–600 sekunder.');
  await expect(pace.getByLabel('Pause mellom bolker (sekunder)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await pace.getByLabel('Pause mellom bolker (sekunder)').fill(String(PAUSE_SECONDS));
  await start.getByRole('button', { name: 'Start kjøring' }).click();
  await expect(page).toHaveURL(/\/billing-runs\/\d+$/);

  const status = page.getByTestId('run-status');
  const done = page.getByTestId('run-done');
  const count = async () => Number(((await done.textContent()) ?? '').match(/^(\d+) av /)?.[1] ?? -1);
  await expect(done).toHaveText(new RegExp(`^\\d+ av ${paced.customers} kunder ferdig$`));
  await expect(status).toHaveText('Kjører');
  const first = await count();
  expect(first).toBeLessThan(paced.customers);
  await expect(page.getByTestId('run-time-left')).toBeVisible();
  await expectAccessible(page);

  // the count moves by itself (polled, not reloaded) while the run goes on
  await expect.poll(count, { timeout: 60_000 }).toBeGreaterThan(first);
  const moved = await count();
  expect(moved).toBeLessThan(paced.customers);
  await expect(status).toHaveText('Kjører');

  // stopped: taken in the pause after the chunks in progress — fewer than all done, nothing failed
  await page.getByRole('button', { name: 'Stopp kjøringen' }).click();
  await expect(status).toHaveText('Stoppet', { timeout: 60_000 });
  const stoppedAt = await count();
  expect(stoppedAt).toBeGreaterThanOrEqual(moved);
  expect(stoppedAt).toBeLessThan(paced.customers);
  await expect(page.getByTestId('run-invoices')).toHaveText(String(stoppedAt));
  await expect(page.getByTestId('run-failed')).toHaveText('0');
  await expect(page.getByRole('button', { name: 'Stopp kjøringen' })).toHaveCount(0);
  await expectAccessible(page);

  // restarted where it stopped, at the same pace, until completed: every customer done once, one invoice each
  await page.getByRole('button', { name: 'Start på nytt der den stoppet' }).click();
  await expect(status).toHaveText('Kjører');
  await expect(status).toHaveText('Fullført', { timeout: 90_000 });
  await expect(done).toHaveText(`${paced.customers} av ${paced.customers} kunder ferdig`);
  await expect(page.getByTestId('run-invoices')).toHaveText(String(paced.customers));
  await expect(page.getByTestId('run-failed')).toHaveText('0');
  await expect(page.getByRole('button', { name: 'Start på nytt der den stoppet' })).toHaveCount(0);
  await expectAccessible(page);

  // one of them: June 2025, 30 days × 96 quarter-hours × 0.100 kWh = 288 kWh × 1.00 = 288.00 + 25 % VAT 72.00 = 360.00
  await page.goto(`/customers/${paced.customer}`);
  await page.getByRole('region', { name: 'Saldo' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/invoices\/\d+$/);
  await expect(page.getByTestId('invoice-total')).toHaveText('360,00\u00a0kr');
});
