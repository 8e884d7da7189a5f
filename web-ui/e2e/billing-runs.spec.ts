import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, pickMonth, signIn, tourScreenshot } from './support';

test('billing runs: a month not over is refused at the field; a run for one customer is followed to its end, its failure linking to the customer', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'billing');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Fakturakjøringer' }).click();
  await expect(page).toHaveURL(/\/billing-runs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fakturakjøringer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fakturakjøringer' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: 'Rekalkulering venter på neste kjøring' })).toBeVisible();
  await expectAccessible(page);

  const start = page.getByRole('region', { name: 'Start fakturakjøring' });
  // the test's today is 15 March 2026: March is not over, and the API's rule is shown at the field and at the top
  await pickMonth(start.getByLabel('Måned'), '2026-03');
  await start.getByLabel('Bare én kunde (kundenummer)').fill(fixture.customerNumber);
  await start.getByRole('button', { name: 'Start kjøring' }).click();
  await expect(start.getByRole('alert')).toContainText('Måneden er ikke over ennå');
  await expect(start.getByRole('alert')).toBeFocused();
  await expect(start.getByLabel('Måned')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // January 2026: the customer is supplied from 1 January but no meter values came, so the run reports it and bills nothing
  await pickMonth(start.getByLabel('Måned'), '2026-01');
  await start.getByRole('button', { name: 'Start kjøring' }).click();
  await expect(page).toHaveURL(/\/billing-runs\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('– 2026-01');
  // followed without reloading: the status moves on by itself to completed, 1 of the 1 customer counted at the start
  await expect(page.getByTestId('run-status')).toHaveText('Fullført');
  await expect(page.getByTestId('run-done')).toHaveText('1 av 1 kunder ferdig');
  await expect(page.getByTestId('run-failed')).toHaveText('1');
  await expect(page.getByTestId('run-invoices')).toHaveText('0');
  const failures = page.getByRole('region', { name: 'Kunder som ikke ble fakturert' });
  await expect(failures.getByRole('row')).toHaveCount(2);
  await expect(failures.getByRole('row').nth(1)).toContainText(`no complete meter values for ${fixture.meteringPointId}`);
  // a completed run is neither stopped nor restarted
  await expect(page.getByRole('button', { name: 'Stopp kjøringen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start på nytt der den stoppet' })).toHaveCount(0);
  await expectAccessible(page);
  await tourScreenshot(page, 'billing-run');

  // the list of runs has it, and in English the screen says the same
  await page.getByRole('link', { name: 'Fakturakjøringer' }).last().click();
  const recent = page.getByRole('region', { name: 'Siste kjøringer' });
  await expect(recent.getByRole('row').nth(1)).toContainText('2026-01');
  await expect(recent.getByRole('row').nth(1)).toContainText('Fullført');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing runs' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recent runs' }).getByRole('row').nth(1)).toContainText('Completed');
  await expectAccessible(page);
  await page.getByText('Norsk').click();

  // the failure links to the customer
  await recent.getByRole('row').nth(1).getByRole('link').first().click();
  await failures.getByRole('link', { name: fixture.customerNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${fixture.customerNumber}$`));
});

test('customer service sees the runs but is told which role may start one', async ({ page }) => {
  await page.goto('/billing-runs');
  await signIn(page, 'customer-service');
  const start = page.getByRole('region', { name: 'Start fakturakjøring' });
  await pickMonth(start.getByLabel('Måned'), '2026-01');
  await start.getByLabel('Bare én kunde (kundenummer)').fill(fixture.customerNumber);
  await start.getByRole('button', { name: 'Start kjøring' }).click();
  await expect(start).toContainText('Dette krever rollen fakturering eller administrator.');
  await expect(page).toHaveURL(/\/billing-runs$/);
  await expectAccessible(page);
});
