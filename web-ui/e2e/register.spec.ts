import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn, pickDate } from './support';

test('register a customer: every refused field is marked at once, nothing is stored; then registered', async ({ page }) => {
  await page.goto('/customers/new');
  await signIn(page, 'customer-service');
  await expect(page.getByRole('heading', { level: 1, name: 'Ny kunde' })).toBeVisible();
  await page.getByLabel('Fødselsnummer').fill('12345678901');
  await page.getByLabel('E-post').fill('ikke-en-adresse');
  await page.getByRole('button', { name: 'Registrer' }).click();
  for (const field of ['Fødselsnummer', 'Fornavn', 'Etternavn', 'E-post']) {
    await expect(page.getByLabel(field)).toHaveAttribute('aria-invalid', 'true');
  }
  await expectAccessible(page);
  await page.getByLabel('Fødselsnummer').fill(fixture.newNationalId);
  await page.getByLabel('Fornavn').fill('Ola');
  await page.getByLabel('Etternavn').fill(`Nyheim${fixture.customerNumber}`);
  await page.getByLabel('E-post').fill('ola.nyheim@example.no');
  await page.getByRole('button', { name: 'Registrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Ola Nyheim${fixture.customerNumber}` })).toBeVisible();
  await expect(page).toHaveURL(/\/customers\/\d+$/);
});

test('a product change from a date, a case opened, on the customer 360', async ({ page }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'customer-service');
  const contracts = page.getByRole('region', { name: 'Kontrakter og leveranser' });
  await contracts.getByRole('button', { name: `Bytt produkt ${fixture.meteringPointId}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Bytt produkt' });
  await dialog.getByLabel('Nytt produkt').click();
  await page.getByRole('option', { name: /FAST|VARIABEL|FIXED|VARIABLE/ }).first().click();
  await pickDate(dialog.getByLabel('Fra dato'), '2026-05-01');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Bytt produkt' }).click();
  await expect(dialog).toBeHidden();
  // the delivery now ends on 30 April and a new one runs from 1 May
  await expect(contracts.getByText('01.01.2026 – 30.04.2026')).toBeVisible();
  await expect(contracts.getByText('fra 01.05.2026')).toBeVisible();

  await page.getByRole('button', { name: 'Opprett sak' }).click();
  const caseDialog = page.getByRole('dialog', { name: 'Opprett sak' });
  await caseDialog.getByLabel('Tittel').fill('Lurer på fastpris');
  await caseDialog.getByLabel('Beskrivelse').fill('Ring tilbake etter 1. mai');
  await pickDate(caseDialog.getByLabel('Frist'), '2020-01-01');
  await caseDialog.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(caseDialog.getByLabel('Frist')).toHaveAttribute('aria-invalid', 'true');
  await pickDate(caseDialog.getByLabel('Frist'), '2026-12-31');
  await caseDialog.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(caseDialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Saker' }).getByText('Lurer på fastpris', { exact: false })).toBeVisible();
  // it is mine: on the home screen under my open cases
  await page.getByRole('link', { name: 'Kraft CIS' }).click();
  await expect(page.getByRole('region', { name: 'Mine åpne saker' }).getByText('Lurer på fastpris')).toBeVisible();
  await expectAccessible(page);
});

test('register a metering point: the municipality is checked against the list in force on the day', async ({ page }) => {
  await page.goto('/metering-points/new');
  await signIn(page, 'customer-service');
  await page.getByLabel('Målepunkt-ID').fill(fixture.newMeteringPointId);
  await pickDate(page.getByLabel('Gyldig fra'), '2026-01-01');
  await page.getByRole('combobox', { name: 'Prisområde' }).click();
  await page.getByRole('option', { name: 'NO1' }).click();
  await page.getByRole('combobox', { name: 'Netteier' }).click();
  await page.getByRole('option').first().click();
  await page.getByLabel('Gateadresse').fill('Sandvikaveien 1');
  await page.getByLabel('Postnummer').fill('1337');
  await page.getByLabel('Sted').fill('Sandvika');
  // Bærum was 3024 until 2023 and is 3201 from 2024
  await page.getByLabel('Kommunenummer').fill('3024');
  await page.getByRole('button', { name: 'Registrer' }).click();
  await expect(page.getByLabel('Kommunenummer')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('Kommunenummeret finnes ikke i den offisielle kommunelisten');
  await expectAccessible(page);
  await page.getByLabel('Kommunenummer').fill('3201');
  await page.getByRole('button', { name: 'Registrer' }).click();
  await expect(page).toHaveURL(new RegExp(`/metering-points/${fixture.newMeteringPointId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fixture.newMeteringPointId);
});
