import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn, pickDate } from './support';

test('the invoice from the customer 360: lines by metering point, totals, and a postponed due date', async ({ page }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'customer-service');
  await page.getByRole('region', { name: 'Saldo' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/invoices\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Faktura');
  // 944,00 + 236,00 mva = 1 180,00 kr, due 20.03.2026
  await expect(page.getByTestId('invoice-total')).toHaveText('1\u00a0180,00\u00a0kr');
  await expect(page.getByTestId('invoice-due')).toHaveText('20.03.2026');
  await expect(page.getByTestId('invoice-open')).toHaveText('1\u00a0180,00\u00a0kr');
  await expect(page.getByTestId('invoice-paid')).toHaveText('0,00\u00a0kr');
  await expectAccessible(page);

  const postpone = page.getByRole('region', { name: 'Utsett forfall' });
  // at most 14 days after the printed due date: 03.04.2026; a later date is refused with the rule
  await expect(postpone.getByText('Senest 03.04.2026')).toBeVisible();
  await pickDate(postpone.getByLabel('Ny forfallsdato'), '2026-04-30');
  await postpone.getByRole('button', { name: 'Utsett forfall' }).click();
  await expect(postpone.getByLabel('Ny forfallsdato')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await pickDate(postpone.getByLabel('Ny forfallsdato'), '2026-04-02');
  await postpone.getByRole('button', { name: 'Utsett forfall' }).click();
  await expect(postpone.getByRole('status')).toHaveText('Forfallet er utsatt.');
  await expect(page.getByTestId('invoice-due')).toHaveText('02.04.2026');
  // postponed once: a second time is refused, and the rule says why
  await page.reload();
  await expect(page.getByText('arrangement.alreadyPostponed')).toBeVisible();
});

test('the billing role sees the invoice, and is told which role may postpone its due date', async ({ page }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'billing');
  await page.getByRole('region', { name: 'Saldo' }).getByRole('link').first().click();
  await expect(page.getByTestId('invoice-total')).toHaveText('1\u00a0180,00\u00a0kr');
  await expect(page.getByRole('region', { name: 'Utsett forfall' }))
    .toContainText('Dette krever rollen kundeservice eller administrator.');
  await expectAccessible(page);
});

test('an invoice paid in part lists the payment matched to it and what is still open', async ({ page }) => {
  await page.goto(`/invoices/${fixture.paidInPartInvoice}`);
  await signIn(page, 'customer-service');
  // 400,00 + 100,00 mva = 500,00 kr; an OCR giro payment of 200,00 kr by KID leaves 300,00 kr
  await expect(page.getByTestId('invoice-total')).toHaveText('500,00\u00a0kr');
  await expect(page.getByTestId('invoice-paid')).toHaveText('200,00\u00a0kr');
  await expect(page.getByTestId('invoice-open')).toHaveText('300,00\u00a0kr');
  const payments = page.getByRole('region', { name: 'Innbetalinger' });
  await expect(payments.getByRole('row')).toHaveCount(2);
  await expect(payments.getByRole('row').nth(1)).toContainText('200,00\u00a0kr');
  await expectAccessible(page);
});
