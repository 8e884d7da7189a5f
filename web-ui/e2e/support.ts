import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

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
  // invoices out and money in: deliveries through the stand-ins, the delivery queue, dunning, instalment plans
  openedInvoice: process.env.OPENED_INVOICE ?? '',           // e-mailed and opened
  bouncedInvoice: process.env.BOUNCED_INVOICE ?? '',         // e-mail bounced, then SMS
  noFallbackInvoice: process.env.NO_FALLBACK_INVOICE ?? '',  // e-mail bounced, no channel left: FAILED
  noChannelInvoice: process.env.NO_CHANNEL_INVOICE ?? '',    // no channel at all: FAILED
  paperInvoice: process.env.PAPER_INVOICE ?? '',             // on paper, waiting for the print batch
  dunnedInvoice: process.env.DUNNED_INVOICE ?? '',           // 500,00 due 20.02.2026, its purring taken on 15.03.2026
  dunnedCustomer: process.env.DUNNED_CUSTOMER ?? '',
  planCustomer: process.env.PLAN_CUSTOMER ?? '',             // 2 345,67 overdue, may get an instalment plan
  // reference data (WebUiBrowserTest.referenceData)
  tariffElement: process.env.TARIFF_ELEMENT ?? '',          // MARKUP, 0.049 from 2026-01-01
  priceCalculation: process.env.PRICE_CALCULATION ?? '',    // :a-0.40, over the NO5 February spot prices of 1.20
  segmentCampaign: process.env.SEGMENT_CAMPAIGN ?? '',      // two manual segments
  segmentAgreement: process.env.SEGMENT_AGREEMENT ?? '',
  segmentMeteringPointId: process.env.SEGMENT_METERING_POINT_ID ?? '',   // in no segment, on a contract from 2026-01-01
  segmentContract: process.env.SEGMENT_CONTRACT ?? '',
  peppolFile: process.env.PEPPOL_FILE ?? '',                // two Norwegian participants (one invoice-capable) and a German one
  peppolOrganisation: process.env.PEPPOL_ORGANISATION ?? '',
  peppolName: process.env.PEPPOL_NAME ?? '',
  peppolAbsentOrganisation: process.env.PEPPOL_ABSENT_ORGANISATION ?? '',
  // contract orders (WebUiBrowserTest's sale fixture): one stopped on hold (the customer refused to sign), one Elhub rejected
  stoppedOrder: process.env.STOPPED_ORDER ?? '',
  rejectedOrder: process.env.REJECTED_ORDER ?? '',
  // a new person to sell to, whom Elhub (the stand-in) knows at Salgsveien 7, 5700 Voss with the metering point below
  saleNationalId: process.env.SALE_NATIONAL_ID ?? '',
  saleLastName: process.env.SALE_LAST_NAME ?? '',
  saleMeteringPointId: process.env.SALE_METERING_POINT_ID ?? '',
  moverCustomer: process.env.MOVER_CUSTOMER ?? '',         // supplied on moverPoint from 1 January 2026, open-ended
  moverPoint: process.env.MOVER_POINT ?? '',
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

/**
 * The same for an open dialog, of the window only: a full page of a screen scrolled down to the button that opened the
 * dialog would draw the fixed header and the dialog's overlay half-way down the picture.
 */
export async function tourDialogScreenshot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${process.cwd()}/../docs/screenshots/${name}.png` });
}

const MONTHS_NB = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/**
 * Chooses a month (`2026-02`) in a month field (components/MonthField) as a person does: open it, up to the years,
 * the year, then the month by its bokmål name ("februar 2026").
 */
export async function pickMonth(field: Locator, month: string) {
  const [year, m] = month.split('-');
  const page = field.page();
  await field.click();
  await page.getByRole('button', { name: 'Velg år' }).click();
  await page.getByRole('button', { name: year, exact: true }).click();
  await page.getByRole('button', { name: `${MONTHS_NB[Number(m) - 1]} ${year}`, exact: true }).click();
}

/**
 * Chooses a day (`2026-04-01`) in a date field (components/DateField) from its calendar, as a person does: open it, up
 * to the months and the years, the year, the month ("april 2026"), then the day by its bokmål name ("1. april 2026").
 */
export async function pickDate(field: Locator, day: string) {
  const [year, m, d] = day.split('-');
  const month = `${MONTHS_NB[Number(m) - 1]} ${year}`;
  // the field allows deselecting: choosing the day it already holds would empty it
  if ((await field.inputValue()) === `${d}.${m}.${year}`) return;
  await field.click();
  const calendar = field.page().locator('[data-dates-dropdown]');
  await calendar.getByRole('button', { name: 'Velg måned' }).click();
  await calendar.getByRole('button', { name: 'Velg år' }).click();
  await calendar.getByRole('button', { name: year, exact: true }).click();
  await calendar.getByRole('button', { name: month, exact: true }).click();
  await calendar.getByRole('button', { name: `${Number(d)}. ${month}`, exact: true }).click();
  await expect(field).toHaveValue(`${d}.${m}.${year}`);
}
