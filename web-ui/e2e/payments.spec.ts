import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn, tourScreenshot } from './support';

test('payments: a bank file imported with its result, the queued payment matched to the suggested invoice, the file again a duplicate', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'billing');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Innbetalinger' }).click();
  await expect(page).toHaveURL(/\/payments$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Innbetalinger' })).toBeVisible();

  // no file chosen: refused at the field
  const file = page.getByRole('region', { name: 'Les inn bankfil' });
  await file.getByRole('button', { name: 'Les inn' }).click();
  await expect(file.getByRole('alert')).toContainText('Må fylles ut.');
  await expect(file.getByLabel('Bankfil')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // OCR giro, one payment of 313,70 kr with the KID mistyped from an account never seen: to the queue
  await file.getByLabel('Bankfil').setInputFiles(fixture.bankFile);
  await file.getByRole('button', { name: 'Les inn' }).click();
  const outcome = file.getByRole('status');
  await expect(outcome).toContainText('Filen er lest inn');
  await expect(outcome).toContainText('OCR giro');
  await expect(outcome).toContainText('1 (313,70\u00a0kr)');
  await expect(file.getByTestId('matched-by-kid')).toHaveText('0');
  await expect(file.getByTestId('matched-by-amount')).toHaveText('0');
  await expect(file.getByTestId('queued')).toHaveText('1');

  // in the queue, the invoice suggested: a KID one typo away (4) and the same amount (3) = 7
  const payment = page.getByRole('region', { name: /^313,70\skr · 14\.03\.2026/ });
  await expect(payment).toBeVisible();
  const suggestion = payment.getByRole('row').filter({ hasText: fixture.matchedInvoice });
  await expect(suggestion.getByTestId('suggestion-score')).toHaveText('7');
  await expect(suggestion).toContainText('KID med én tastefeil, samme beløp');
  await expectAccessible(page);
  await tourScreenshot(page, 'payments');

  await suggestion.getByRole('button', { name: `Koble til faktura ${fixture.matchedInvoice}` }).click();
  await expect(payment).toHaveCount(0);

  // the same file again: nothing changes, the first import's figures
  await file.getByLabel('Bankfil').setInputFiles(fixture.bankFile);
  await file.getByRole('button', { name: 'Les inn' }).click();
  await expect(file.getByRole('status')).toContainText('Filen er lest inn før – ingenting er endret.');
  await expect(file.getByRole('status')).toContainText('1 (313,70\u00a0kr)');
  await expect(page.getByRole('region', { name: /^313,70\skr · 14\.03\.2026/ })).toHaveCount(0);
  await expectAccessible(page);

  // the invoice is paid
  await page.goto(`/invoices/${fixture.matchedInvoice}`);
  await expect(page.getByTestId('invoice-paid')).toHaveText('313,70\u00a0kr');
  await expect(page.getByTestId('invoice-open')).toHaveText('0,00\u00a0kr');
});

test('customer service is told which role may import payments', async ({ page }) => {
  await page.goto('/payments');
  await signIn(page, 'customer-service');
  await expect(page.getByRole('region', { name: 'Innbetalinger som venter på manuell avstemming' }))
    .toContainText('Dette krever rollen fakturering eller administrator.');
  await expectAccessible(page);
});
