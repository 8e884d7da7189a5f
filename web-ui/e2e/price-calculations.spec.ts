import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn, tourScreenshot, pickDate } from './support';

test('price calculations: listed; one generates its table for NO5 and a day, the table shown; a period without spot prices refused; changed with its version', async ({ page }) => {
  await page.goto('/admin');
  await signIn(page, 'billing');
  await page.getByRole('link', { name: 'Prisberegninger' }).click();
  await expect(page).toHaveURL(/\/admin\/price-calculations$/);
  const row = page.getByRole('region', { name: 'Alle prisberegninger' }).getByRole('row')
    .filter({ has: page.getByRole('link', { name: fixture.priceCalculation, exact: true }) });
  await expect(row).toContainText(':a-0.40');
  await expectAccessible(page);

  await page.getByRole('link', { name: fixture.priceCalculation, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/price-calculations/${fixture.priceCalculation}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Prisberegning ${fixture.priceCalculation}: Norgespris`);
  const table = page.getByRole('region', { name: 'Generert pristabell' });
  await expect(table).toContainText('Velg prisområde og periode for å se tabellen.');
  await expectAccessible(page);

  // no spot prices for NO5 in January 2027: refused, naming the rule
  const generate = page.getByRole('region', { name: 'Generer pristabell' });
  await generate.getByLabel('Prisområde').selectOption('NO5');
  await pickDate(generate.getByLabel('Fra dag'), '2027-01-01');
  await pickDate(generate.getByLabel('Til dag (ikke med)'), '2027-01-02');
  await generate.getByRole('button', { name: 'Generer' }).click();
  await expect(generate.getByRole('alert')).toContainText('Spotprisene for prisområdet dekker ikke hele perioden');
  await expectAccessible(page);

  // 10 February 2026 in NO5: 96 quarter-hours of spot 1.20 − 0.40 = 0.80, shown at once (the period in the URL)
  await pickDate(generate.getByLabel('Fra dag'), '2026-02-10');
  await pickDate(generate.getByLabel('Til dag (ikke med)'), '2026-02-11');
  await generate.getByRole('button', { name: 'Generer' }).click();
  await expect(generate.getByRole('status')).toContainText('NO5, 2026-02-10 til 2026-02-11: 96 intervaller med formelen :a-0.40.');
  await expect(page).toHaveURL(/\?area=NO5&from=2026-02-10&to=2026-02-11$/);
  await expect(table.getByTestId('table-summary')).toHaveText('96 intervaller i NO5, fra 0,80\u00a0kr/kWh til 0,80\u00a0kr/kWh.');
  await expect(table.getByRole('row').nth(1)).toHaveText('10.02.2026 00:0010.02.2026 00:150,80\u00a0kr/kWh');
  await expect(table.getByRole('row')).toHaveCount(25);
  await expectAccessible(page);
  await tourScreenshot(page, 'price-calculation-tables');
  await table.getByRole('button', { name: '4' }).click();
  await expect(table.getByRole('row').nth(24)).toHaveText('10.02.2026 23:4511.02.2026 00:000,80\u00a0kr/kWh');

  // the description changed, sending the version read
  const version = Number(await page.getByTestId('calculation-version').textContent());
  await page.getByRole('button', { name: 'Endre prisberegningen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Endre prisberegningen' });
  await expect(dialog).toContainText(`Endres fra versjon ${version}.`);
  await dialog.getByLabel('Beskrivelse').fill('40 øre under spot, endret i nettleseren');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('40 øre under spot, endret i nettleseren')).toBeVisible();
  await expect(page.getByTestId('calculation-version')).toHaveText(String(version + 1));
});

test('customer service sees a generated table and is told which role may generate one', async ({ page }) => {
  await page.goto(`/admin/price-calculations/${fixture.priceCalculation}?area=NO5&from=2026-02-10&to=2026-02-11`);
  await signIn(page, 'customer-service');
  const table = page.getByRole('region', { name: 'Generert pristabell' });
  await expect(table.getByTestId('table-summary')).toContainText('96 intervaller i NO5');
  const generate = page.getByRole('region', { name: 'Generer pristabell' });
  await pickDate(generate.getByLabel('Fra dag'), '2026-02-11');
  await pickDate(generate.getByLabel('Til dag (ikke med)'), '2026-02-12');
  await generate.getByRole('button', { name: 'Generer' }).click();
  await expect(generate).toContainText('Dette krever rollen fakturering eller administrator.');
  await expectAccessible(page);
});
