import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What the JUnit side set up for this run (WebUiBrowserTest). */
export const fixture = {
  customerNumber: process.env.CUSTOMER_NUMBER ?? '1000001',
  name: process.env.CUSTOMER_NAME ?? 'Kari Nordmann',
  phone: process.env.CUSTOMER_PHONE ?? '912 34 567',
  street: process.env.CUSTOMER_STREET ?? 'Storgata 1',   // the street of the customer's metering point
  meteringPointId: process.env.METERING_POINT_ID ?? '',
  nationalId: process.env.NATIONAL_ID ?? '',
  newNationalId: process.env.NEW_NATIONAL_ID ?? '',
  newMeteringPointId: process.env.NEW_METERING_POINT_ID ?? '',
  explainedMeteringPointId: process.env.EXPLAINED_METERING_POINT_ID ?? '',
  paidInPartInvoice: process.env.PAID_IN_PART_INVOICE ?? '',
  retriedMeteringPointId: process.env.RETRIED_METERING_POINT_ID ?? '',    // an open REJECTED Elhub work item each
  resolvedMeteringPointId: process.env.RESOLVED_METERING_POINT_ID ?? '',
  bankFile: process.env.BANK_FILE ?? '',               // an OCR giro file of one payment with a mistyped KID
  matchedInvoice: process.env.MATCHED_INVOICE ?? '',   // the invoice it pays
  caseTitle: process.env.CASE_TITLE ?? '',             // an open complaint of the first customer, nobody's
  // contract orders (WebUiBrowserTest's sale fixture): one stopped on hold (the customer refused to sign), one Elhub rejected
  stoppedOrder: process.env.STOPPED_ORDER ?? '',
  rejectedOrder: process.env.REJECTED_ORDER ?? '',
  // a new person to sell to, whom Elhub (the stand-in) knows at Salgsveien 7, 5700 Voss with the metering point below
  saleNationalId: process.env.SALE_NATIONAL_ID ?? '',
  saleLastName: process.env.SALE_LAST_NAME ?? '',
  saleMeteringPointId: process.env.SALE_METERING_POINT_ID ?? '',
  standInUrl: process.env.STAND_IN_URL ?? '',          // the stand-ins' port: the customer's Signicat signing page
  password: process.env.PASSWORD ?? 'local-secret',
};

/** Signs in on the login page the browser was sent to. */
export async function signIn(page: Page, username: string, password = fixture.password) {
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

/** WCAG 2.1 AA, zero violations (the list in the failure message names rule and element). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, 'axe WCAG 2.1 AA violations').toEqual([]);
}

/** A screenshot of the screen for the README's short tour (docs/screenshots/, committed), at a fixed size. */
export async function tourScreenshot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${process.cwd()}/../docs/screenshots/${name}.png`, fullPage: true });
}
