import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, pickDate, signIn, tourScreenshot } from './support';

test('an instalment plan on the customer 360: 3 instalments with their KIDs and due dates, then cancelled; none possible says why', async ({ page }) => {
  await page.goto(`/customers/${fixture.planCustomer}`);
  await signIn(page, 'customer-service');
  const plan = page.getByRole('region', { name: 'Avdragsordning' });
  // 1 180,00 due 20.02 + 1 165,67 due 01.03 = 2 345,67 overdue; the first instalment 14 days from 15.03.2026
  await expect(plan).toContainText('2\u00a0345,67\u00a0kr forfalt');
  await expect(plan).toContainText('første forfall 29.03.2026');
  // only one of the two invoices: the offer follows (1 180,00 in at most 5: 1 180,00 / 5 = 236,00 ≥ 200,00), then both again
  const invoices = plan.getByRole('group', { name: 'Fakturaer i avtalen' });
  await invoices.getByRole('checkbox').nth(1).uncheck();
  await expect(plan).toContainText('1\u00a0180,00\u00a0kr forfalt');
  await expect(plan.getByLabel('Antall avdrag').locator('option')).toHaveCount(4);
  await invoices.getByRole('checkbox').nth(1).check();
  await expect(plan).toContainText('2\u00a0345,67\u00a0kr forfalt');
  await plan.getByLabel('Antall avdrag').selectOption('3');
  // the customer is paid on the 20th: the first instalment then, agreed (from tomorrow to 15.03 + 30 days = 14.04.2026)
  await expect(plan).toContainText('kan avtales fra i morgen til 14.04.2026');
  await pickDate(plan.getByLabel('Første forfall (valgfritt)'), '2026-03-20');
  // 2 345,67 / 3 = 781,89 (3 × 781,89 = 2 345,67: nothing over for the last)
  await expect(plan.getByLabel('Antall avdrag')).toContainText('3 avdrag à 781,89\u00a0kr (siste 781,89\u00a0kr)');
  await expectAccessible(page);
  await plan.getByRole('button', { name: 'Opprett avdragsordning' }).click();
  await expect(plan.getByRole('heading', { level: 3 })).toContainText('Aktiv');
  await expect(plan.getByRole('heading', { level: 3 })).toContainText('avtalt 15.03.2026');
  const rows = plan.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  for (const [n, due] of [[1, '20.03.2026'], [2, '20.04.2026'], [3, '20.05.2026']] as const) {
    await expect(rows.nth(n)).toContainText(due);
    await expect(rows.nth(n)).toContainText('781,89\u00a0kr');
    await expect(rows.nth(n)).toContainText('åpen');
    // each instalment its own KID: 16 digits, starting with the customer number
    await expect(rows.nth(n).getByRole('cell').last()).toHaveText(new RegExp(`^${fixture.planCustomer.padStart(7, '0')}\\d{9}$`));
  }
  await expect(plan.getByTestId('plan-summary')).toContainText('2\u00a0345,67\u00a0kr, betalt 0,00\u00a0kr, igjen 2\u00a0345,67\u00a0kr');
  // the confirmation with the KIDs waits for the delivery schedule (off in the tests), by e-mail
  await expect(plan.getByTestId('plan-confirmation')).toContainText('Bekreftelse til kunden: venter på sending (e-post)');
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await tourScreenshot(page, 'instalment-plan');

  await plan.getByLabel('Hvorfor avsluttes den (valgfritt)').fill('Kunden betaler alt nå');
  await plan.getByRole('button', { name: 'Avslutt avdragsordningen' }).click();
  await expect(plan.getByRole('heading', { level: 3 })).toContainText('Avsluttet');
  await expect(plan.getByTestId('plan-summary')).toContainText('Kunden betaler alt nå');
  await expect(plan.getByRole('button', { name: 'Avslutt avdragsordningen' })).toHaveCount(0);
  await expectAccessible(page);

  // a customer with nothing overdue may get no plan: the rule and why
  await page.goto(`/customers/${fixture.customerNumber}`);
  const none = page.getByRole('region', { name: 'Avdragsordning' }).getByTestId('plan-refusals');
  await expect(none).toContainText('Avdragsordning er ikke mulig nå');
  await expect(none).toContainText('Kunden har ikke noe forfalt å dele opp. (plan.nothingOverdue)');
  // in bokmål only: the API's English sentence is not shown beside it
  await expect(none).not.toContainText('nothing to split');
  await expectAccessible(page);
});
