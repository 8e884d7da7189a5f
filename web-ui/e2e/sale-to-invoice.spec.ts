import { expect, test } from '@playwright/test';
import { defineProduct, uniqueCode } from './products';
import { expectAccessible, fixture, signIn, tourScreenshot, pickMonth, pickDate } from './support';

// From the browser alone: a new customer from the sale to the first invoice. The staff's steps are the browser's; the
// customer signs on the Signicat stand-in's page; what runs on its own in production (the consent driver, the Elhub
// outbox and poll) WebUiBrowserTest runs in the background as the scheduler does.
test('a new customer from the sale to the first invoice: the wizard with the Elhub look-up, the consent signed, Elhub confirming, a billing run, the invoice', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  // 0. the product to sell, defined by an admin (in a browser of their own) with its price: energy at 1.25 kr/kWh from 1 January
  const product = uniqueCode('SALG');
  const adminContext = await browser.newContext({ baseURL, locale: 'nb-NO', timezoneId: 'Europe/Oslo', reducedMotion: 'reduce' });
  const admin = await adminContext.newPage();
  await admin.goto('/admin/products');
  await signIn(admin, 'admin');
  await defineProduct(admin, { code: product, name: 'Salgsstrøm', kind: 'Variabel', from: '2026-01-01', energy: '1,25' });
  await adminContext.close();

  await page.goto('/contract-orders/new');
  await signIn(page, 'customer-service');
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt salg' })).toBeVisible();

  // 1. product: the one just defined
  await page.getByRole('radio', { name: new RegExp(`\\(${product}\\)`) }).check();
  await page.getByRole('button', { name: 'Neste' }).click();

  // 2. a new person
  await page.getByText('Ny person').click();
  await page.getByLabel('Fødselsnummer').fill(fixture.saleNationalId);
  await page.getByLabel('Fornavn').fill('Siri');
  await page.getByLabel('Etternavn').fill(fixture.saleLastName);
  await page.getByLabel('E-post').fill('siri@example.no');
  await page.getByLabel('Gateadresse').fill('Salgsveien 7');
  await page.getByLabel('Postnummer').fill('5700');
  await page.getByLabel('Sted').fill('Voss');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Neste' }).click();

  // 3. a move-in a month ago; she does not know her metering point: Elhub finds it from her national ID and address
  await page.getByRole('radio', { name: 'Innflytting' }).check();
  await pickDate(page.getByLabel('Startdato'), '2026-02-14');
  const lookup = page.getByRole('region', { name: 'Finn målepunktet i Elhub' });
  await expect(lookup.getByLabel('Fødselsnummer eller organisasjonsnummer')).toHaveValue(fixture.saleNationalId);
  await expect(lookup.getByLabel('Gatenavn')).toHaveValue('Salgsveien');
  await expect(lookup.getByLabel('Husnummer')).toHaveValue('7');
  await lookup.getByRole('button', { name: 'Søk i Elhub' }).click();
  await expect(lookup).toContainText('Elhub fant 1 målepunkt');
  const candidates = lookup.getByRole('table', { name: 'Målepunkter Elhub fant' });
  await expect(candidates.getByRole('row').nth(1)).toContainText('Salgsveien 7, 5700 VOSS');
  await candidates.getByRole('button', { name: `Bruk ${fixture.saleMeteringPointId}` }).click();
  await expect(page.getByRole('textbox', { name: 'Målepunkt-ID' })).toHaveValue(fixture.saleMeteringPointId);
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await tourScreenshot(page, 'new-sale');
  await page.getByRole('button', { name: 'Neste' }).click();

  // 4. summary, and the order placed: it waits on hold for her consent
  const summary = page.getByRole('region', { name: 'Bestillingen' });
  await expect(summary).toContainText(`Siri ${fixture.saleLastName}`);
  await expect(summary).toContainText('Innflytting');
  await expect(summary).toContainText('14.02.2026');
  await page.getByRole('button', { name: 'Legg inn bestillingen' }).click();
  await expect(page).toHaveURL(/\/contract-orders\/\d+$/);
  const orderNumber = page.url().split('/').pop() ?? '';
  await expect(page.getByTestId('order-stage')).toHaveText('På vent');

  // the consent: Elhub's document made, a Signicat signing session sent to her; she signs on the stand-in's page
  const session = page.getByTestId('signing-session');
  await expect(session).toBeVisible({ timeout: 30_000 });
  const sessionId = (await session.textContent()) ?? '';
  const customer = await browser.newPage();
  await customer.goto(`${fixture.standInUrl}/standin/customer/signing-sessions/${sessionId}`);
  await customer.getByRole('button', { name: 'Signer med BankID' }).click();
  await expect(customer.getByRole('heading', { name: 'Stand-in: the customer\'s side' })).toBeVisible();
  await customer.close();

  // signed → uploaded to Elhub → grant → import: the start of supply (BRS-NO-103, a move-in back in time) sent, Elhub
  // confirms it, the contract is opened and the order finalized — followed on the screen without reloading
  await expect(page.getByTestId('order-status')).toHaveText('fullført', { timeout: 90_000 });
  const supply = page.getByRole('region', { name: 'Leveringsstart hos Elhub' });
  await expect(supply.getByTestId('supply-status')).toHaveText('Bekreftet av Elhub');
  await expect(supply).toContainText('BRS-NO-103');
  const log = page.getByRole('region', { name: 'Prosesslogg' });
  await expect(log).toContainText('REQUEST_START_OF_SUPPLY');
  await expect(log).toContainText('START_OF_SUPPLY_CONFIRMED');
  await expect(log).toContainText('CREATE_CONTRACT');
  await expect(page.getByTestId('order-contract')).not.toBeEmpty();
  const documents = page.getByRole('region', { name: 'Dokumenter' });
  await expect(documents.getByRole('button')).toHaveCount(3);
  const popup = page.waitForEvent('popup');
  await documents.getByRole('button', { name: `Ordrebekreftelse_${orderNumber}.pdf` }).click();
  await (await popup).close();
  await expect(documents.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await tourScreenshot(page, 'contract-order');
  const customerLink = page.getByRole('link', { name: new RegExp(`Siri ${fixture.saleLastName} \\(\\d+\\)`) });
  const customerNumber = ((await customerLink.textContent()) ?? '').match(/\((\d+)\)/)?.[1] ?? '';
  expect(customerNumber).not.toBe('');

  // billing staff bill February for her (from 14 February) in the billing-runs screen
  // a context of its own, as another staff member's browser (axe needs a page of a context the test made)
  const billingContext = await browser.newContext({ baseURL, locale: 'nb-NO', timezoneId: 'Europe/Oslo', reducedMotion: 'reduce' });
  const billing = await billingContext.newPage();
  await billing.goto('/billing-runs');
  await signIn(billing, 'billing');
  const start = billing.getByRole('region', { name: 'Start fakturakjøring' });
  await pickMonth(start.getByLabel('Måned'), '2026-02');
  await start.getByLabel('Bare én kunde (kundenummer)').fill(customerNumber);
  await start.getByRole('button', { name: 'Start kjøring' }).click();
  await expect(billing).toHaveURL(/\/billing-runs\/\d+$/);
  await expect(billing.getByTestId('run-status')).toHaveText('Fullført', { timeout: 60_000 });
  await expect(billing.getByTestId('run-invoices')).toHaveText('1');
  await expect(billing.getByTestId('run-failed')).toHaveText('0');

  // the first invoice: 14–28 February, 15 days × 96 quarter-hours × 0.250 kWh = 360 kWh at her metering point, at
  // 1.25 kr/kWh = 450.00 + 25 % VAT 112.50 = 562.50
  await billing.goto(`/customers/${customerNumber}`);
  await billing.getByRole('region', { name: 'Saldo' }).getByRole('link').first().click();
  await expect(billing).toHaveURL(/\/invoices\/\d+$/);
  await expect(billing.getByRole('heading', { level: 1 })).toContainText('Faktura');
  await expect(billing.getByTestId('invoice-total')).toHaveText('562,50\u00a0kr');
  const lines = billing.getByRole('region', { name: `Målepunkt ${fixture.saleMeteringPointId}` });
  const energy = lines.getByRole('row').filter({ hasText: 'Strøm, variabel pris' });
  await expect(energy).toContainText('14.02.2026 – 28.02.2026');
  await expect(energy).toContainText('360 KWH');
  await expect(energy).toContainText('450,00\u00a0kr');
  await expectAccessible(billing);
  await billingContext.close();
});
