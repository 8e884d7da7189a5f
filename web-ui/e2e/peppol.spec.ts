import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn } from './support';

test('the Peppol list: imported with its result, the same list again unchanged; an organisation looked up, one not in the list said so', async ({ page }) => {
  await page.goto('/admin');
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Peppol-listen' }).click();
  await expect(page).toHaveURL(/\/admin\/peppol$/);
  const importList = page.getByRole('region', { name: 'Les inn Peppol-deltakerlisten' });
  await importList.getByRole('button', { name: 'Les inn' }).click();
  await expect(importList.getByRole('alert')).toContainText('Må fylles ut.');
  await expectAccessible(page);

  // two Norwegian participants and a German one, which is skipped
  await importList.getByLabel('Deltakerliste (CSV)').setInputFiles(fixture.peppolFile);
  await importList.getByRole('button', { name: 'Les inn' }).click();
  await expect(importList.getByRole('status')).toContainText('Listen er lest inn');
  await expect(importList.getByTestId('peppol-participants')).toHaveText('2');
  await expect(importList.getByTestId('peppol-skipped')).toHaveText('1');
  await importList.getByRole('button', { name: 'Les inn' }).click();
  await expect(importList.getByRole('status')).toContainText('Samme liste som sist – ingenting er endret');
  await expect(importList.getByTestId('peppol-participants')).toHaveText('2');
  await expectAccessible(page);

  const lookup = page.getByRole('region', { name: 'Slå opp en virksomhet' });
  await lookup.getByLabel('Organisasjonsnummer').fill(fixture.peppolOrganisation);
  await lookup.getByRole('button', { name: 'Slå opp' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?organisationNumber=${fixture.peppolOrganisation}$`));
  const found = lookup.getByTestId('peppol-participant');
  await expect(found).toContainText(fixture.peppolName);
  await expect(found).toContainText(`0192:${fixture.peppolOrganisation}`);
  await expect(found).toContainText('Tar imot faktura (EHF)Ja');
  await expectAccessible(page);

  await lookup.getByLabel('Organisasjonsnummer').fill(fixture.peppolAbsentOrganisation);
  await lookup.getByRole('button', { name: 'Slå opp' }).click();
  await expect(lookup.getByTestId('peppol-not-found')).toHaveText(`${fixture.peppolAbsentOrganisation} er ikke i Peppol-listen slik den sist ble lest inn.`);
  // not an organisation number: refused at the field
  await lookup.getByLabel('Organisasjonsnummer').fill('123');
  await lookup.getByRole('button', { name: 'Slå opp' }).click();
  await expect(lookup.getByLabel('Organisasjonsnummer')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('customer service looks an organisation up and is told which role may import the list', async ({ page }) => {
  await page.goto(`/admin/peppol?organisationNumber=${fixture.peppolOrganisation}`);
  await signIn(page, 'customer-service');
  await expect(page.getByTestId('peppol-participant')).toContainText(fixture.peppolName);
  const importList = page.getByRole('region', { name: 'Les inn Peppol-deltakerlisten' });
  await importList.getByLabel('Deltakerliste (CSV)').setInputFiles(fixture.peppolFile);
  await importList.getByRole('button', { name: 'Les inn' }).click();
  await expect(importList).toContainText('Dette krever rollen administrator.');
  await expectAccessible(page);
});
