import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, fixture, signIn, tourScreenshot } from './support';

/** The delivery section of the invoice screen, and its table of events. */
function delivery(page: Page) {
  const section = page.getByRole('region', { name: 'Utsending' });
  return { section, events: section.getByRole('table', { name: 'Hendelser i utsendingen' }) };
}

test('an invoice e-mailed and opened, and one whose e-mail bounced and went on to SMS, each event with its time', async ({ page }) => {
  await page.goto(`/invoices/${fixture.openedInvoice}`);
  await signIn(page, 'customer-service');
  const opened = delivery(page);
  await expect(opened.section.getByTestId('delivery-status')).toHaveText('Åpnet');
  await expect(opened.section.getByTestId('delivery-plan')).toHaveText(/^E-post \(i bruk\)/);
  await expect(opened.events.getByRole('row')).toHaveCount(4);
  await expect(opened.events.getByRole('row').nth(1)).toContainText('I kø');
  await expect(opened.events.getByRole('row').nth(2)).toContainText('Sendt');
  await expect(opened.events.getByRole('row').nth(2)).toContainText('Message-ID');
  await expect(opened.events.getByRole('row').nth(3)).toContainText('Åpnet');
  // each event with its time (the test's clock: 15.03.2026 12:00 in Oslo)
  await expect(opened.events.getByRole('row').nth(3)).toContainText('15.03.2026 12:00');
  await expectAccessible(page);
  // the PDF, fetched with the token (and opened in a tab of its own)
  const pdf = page.waitForResponse((r) => r.url().endsWith(`/api/v1/invoices/${fixture.openedInvoice}/document`));
  await opened.section.getByRole('button', { name: 'Åpne fakturaen (PDF)' }).click();
  expect((await pdf).status()).toBe(200);
  expect((await pdf).headers()['content-type']).toContain('application/pdf');

  await page.goto(`/invoices/${fixture.bouncedInvoice}`);
  const bounced = delivery(page);
  await expect(bounced.section.getByTestId('delivery-status')).toHaveText('Sendt');
  await expect(bounced.section.getByTestId('delivery-plan')).toHaveText('E-post → SMS (i bruk)');
  const rows = bounced.events.getByRole('row');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(3)).toContainText('Kom i retur');
  await expect(rows.nth(3)).toContainText('5.1.1');
  await expect(rows.nth(4)).toContainText('SMS');
  await expect(rows.nth(4)).toContainText('Neste kanal');
  await expect(rows.nth(6)).toContainText('SMS');
  await expect(rows.nth(6)).toContainText('Sendt');
  // a bounced or sent delivery is not for a person to send again
  await expect(bounced.section.getByRole('button', { name: 'Send på nytt' })).toHaveCount(0);
  await expectAccessible(page);
});

test('the delivery work queue: a bounced e-mail with no channel left sent again, one no channel reaches resolved with a comment', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Utsending' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utsendingskø' })).toBeVisible();
  const queue = page.getByRole('region', { name: 'Utsendinger i køen' });
  const row = (invoice: string) => queue.getByRole('row').filter({ has: page.getByRole('link', { name: invoice, exact: true }) });
  await expect(row(fixture.noFallbackInvoice)).toContainText('E-post: Kom i retur');
  await expect(row(fixture.noFallbackInvoice)).toContainText('5.1.1');
  await expect(row(fixture.noChannelInvoice)).toContainText('Ingen kanal igjen');
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await tourScreenshot(page, 'delivery-queue');

  // the bounced one sent again (after the address was put right, the channels are chosen from it again)
  await row(fixture.noFallbackInvoice).getByRole('link', { name: fixture.noFallbackInvoice, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/invoices/${fixture.noFallbackInvoice}$`));
  const failed = delivery(page);
  await expect(failed.section.getByTestId('delivery-status')).toHaveText('Feilet – ingen kanal nådde kunden');
  await failed.section.getByRole('button', { name: 'Send på nytt' }).click();
  await expect(failed.section.getByTestId('delivery-status')).toHaveText('Under utsending');
  await expect(failed.events.getByRole('row').filter({ hasText: 'Sendt på nytt' })).toContainText('customer-service');
  await expect(failed.section.getByTestId('delivery-plan')).toHaveText('E-post → E-post (i bruk)');
  await expectAccessible(page);

  // no channel at all: sending again is refused with the reason; resolving needs a comment, refused at the field
  await page.goto(`/invoices/${fixture.noChannelInvoice}`);
  const none = delivery(page);
  const act = page.getByRole('region', { name: 'Behandle utsendingen' });
  await act.getByRole('button', { name: 'Send på nytt' }).click();
  await expect(act.getByRole('alert')).toContainText('Kunden har fortsatt ingen kanal vi når');
  await act.getByRole('button', { name: 'Løs med kommentar' }).click();
  await expect(act.getByLabel('Kommentar')).toHaveAttribute('aria-invalid', 'true');
  await expect(act.getByRole('alert')).toContainText('Må fylles ut.');
  await expectAccessible(page);
  await act.getByLabel('Kommentar').fill('Faktura levert i hånden på kundesenteret');
  await act.getByRole('button', { name: 'Løs med kommentar' }).click();
  await expect(none.section.getByTestId('delivery-status')).toHaveText('Løst manuelt');
  await expect(none.events.getByRole('row').last()).toContainText('customer-service: Faktura levert i hånden på kundesenteret');

  // out of the failed queue, in the resolved one (the status in the URL)
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Utsending' }).click();
  await expect(queue.getByRole('link', { name: fixture.noChannelInvoice, exact: true })).toHaveCount(0);
  await expect(queue.getByRole('link', { name: fixture.noFallbackInvoice, exact: true })).toHaveCount(0);
  await page.getByRole('search', { name: 'Filtrer' }).getByLabel('Status').selectOption({ label: 'Løst' });
  await expect(page).toHaveURL(/status=RESOLVED/);
  await expect(row(fixture.noChannelInvoice)).toContainText('Løst manuelt');
  await expectAccessible(page);
});

test('print batches: the paper invoice closed into a batch for the print partner, its zip downloaded', async ({ page }) => {
  await page.goto('/invoice-deliveries');
  await signIn(page, 'billing');
  await page.getByRole('link', { name: 'Utskrift' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utskrift' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Lukk bunten og send til trykk' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Bunt \d+ er laget med \d+ faktura/);
  const id = /Bunt (\d+)/.exec((await page.getByRole('status').textContent()) ?? '')?.[1] ?? '';
  const batches = page.getByRole('region', { name: 'Utskrift' });
  const download = page.waitForEvent('download');
  await batches.getByRole('button', { name: `Last ned bunt ${id} (zip)` }).click();
  expect((await download).suggestedFilename()).toBe(`print-batch-${id}.zip`);
  await expectAccessible(page);
  // nothing more waits for print
  await page.getByRole('button', { name: 'Lukk bunten og send til trykk' }).click();
  await expect(page.getByRole('status')).toHaveText('Ingen papirfakturaer venter på utskrift.');

  // the paper invoice's delivery says it went to the print partner
  await page.goto(`/invoices/${fixture.paperInvoice}`);
  await expect(delivery(page).events.getByRole('row').last()).toContainText('Levert til trykkeriet');
  await expect(delivery(page).events.getByRole('row').last()).toContainText(`print batch ${id}`);
});
