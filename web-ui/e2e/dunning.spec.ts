import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn, tourScreenshot } from './support';

test("an invoice's dunning: the purring with its fee and letter; paused (a reason required at the field), resumed, stopped; the customer's dunning", async ({ page }) => {
  await page.goto(`/invoices/${fixture.dunnedInvoice}`);
  await signIn(page, 'customer-service');
  const dunning = page.getByRole('region', { name: 'Purring og inkasso' });
  await expect(dunning.getByTestId('dunning-stage')).toHaveText('Purring');
  const steps = dunning.getByRole('table', { name: 'Purring og inkasso' });
  // 500,00 due 20.02.2026, on 15.03.2026 (23 days after) the purring: fee 1/20 of the inkassosats 750 = 37,50 kr, by e-mail
  await expect(steps.getByRole('row')).toHaveCount(2);
  const purring = steps.getByRole('row').nth(1);
  await expect(purring).toContainText('Purring');
  await expect(purring).toContainText('15.03.2026');
  await expect(purring).toContainText('E-post (sendt)');
  await expect(purring).toContainText('37,50\u00a0kr');
  await expect(purring).toContainText('dunning-job');
  // the letter as it was sent, fetched with the token
  const letter = page.waitForResponse((r) => /\/dunning\/\d+\/letter$/.test(r.url()));
  await purring.getByRole('button', { name: 'Åpne brevet (Purring 15.03.2026)' }).click();
  expect((await letter).status()).toBe(200);
  // the invoice's delivery beside it
  await expect(page.getByRole('region', { name: 'Utsending' }).getByTestId('delivery-status')).toHaveText('Sendt');
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await tourScreenshot(page, 'invoice-delivery-dunning');

  const hold = dunning.getByRole('form', { name: 'Pause eller stopp' });
  await hold.getByRole('button', { name: 'Sett på pause' }).click();
  await expect(hold.getByLabel('Begrunnelse')).toHaveAttribute('aria-invalid', 'true');
  await expect(hold.getByRole('alert')).toContainText('Må fylles ut.');
  await expect(dunning.getByTestId('dunning-hold')).toHaveText('–');
  await expectAccessible(page);
  await hold.getByLabel('Begrunnelse').fill('Kunden er innlagt til 1. april');
  await hold.getByRole('button', { name: 'Sett på pause' }).click();
  await expect(dunning.getByTestId('dunning-hold')).toContainText('På pause');
  await expect(dunning.getByTestId('dunning-hold')).toContainText('Kunden er innlagt til 1. april');
  await expect(steps.getByRole('row')).toHaveCount(3);
  await expect(steps.getByRole('row').nth(2)).toContainText('Satt på pause – Kunden er innlagt til 1. april');
  await hold.getByRole('button', { name: 'Gjenoppta' }).click();
  await expect(dunning.getByTestId('dunning-hold')).toHaveText('–');
  await expect(steps.getByRole('row').nth(3)).toContainText('Gjenopptatt');
  await hold.getByLabel('Begrunnelse').fill('Kreditert etter klage');
  await hold.getByRole('button', { name: 'Stopp for godt' }).click();
  await expect(dunning.getByTestId('dunning-hold')).toContainText('Stoppet for godt');
  await expect(steps.getByRole('row').nth(4)).toContainText('Stoppet – Kreditert etter klage');
  // stopped for good: nothing more to do here
  await expect(dunning.getByRole('form', { name: 'Pause eller stopp' })).toHaveCount(0);
  await expectAccessible(page);

  // the customer's dunning on the 360
  await page.getByRole('link', { name: fixture.dunnedCustomer, exact: true }).click();
  const mine = page.getByRole('region', { name: 'Purringer' });
  const row = mine.getByRole('row').filter({ has: page.getByRole('link', { name: fixture.dunnedInvoice, exact: true }) });
  await expect(row).toContainText('Purring');
  await expect(row).toContainText('Stoppet for godt');
  await expect(row).toContainText('37,50\u00a0kr');
  await expectAccessible(page);
});
