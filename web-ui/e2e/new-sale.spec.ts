import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn, pickDate } from './support';

test('new sale: product, an existing customer found by name, the Elhub look-up refused at its field, the order refused at its fields', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service');
  await page.getByRole('link', { name: 'Nytt salg' }).click();
  await expect(page).toHaveURL(/\/contract-orders\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt salg' })).toBeVisible();
  const steps = page.getByRole('navigation', { name: 'Steg i salget' });
  await expect(steps.locator('[aria-current="step"]')).toHaveText('1. Produkt');
  await expectAccessible(page);

  // 1. product: none chosen is said at the field
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByText('Velg et produkt.')).toBeVisible();
  await page.getByRole('radio', { name: /\(SPOT\)/ }).check();
  await page.getByRole('button', { name: 'Neste' }).click();

  // 2. customer: found by name and chosen
  await expect(steps.locator('[aria-current="step"]')).toHaveText('2. Kunde');
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByRole('alert')).toContainText('Søk opp og velg en kunde');
  await page.getByLabel('Kundens navn').fill(fixture.name);
  await page.getByRole('search', { name: 'Finn kunden' }).getByRole('button', { name: 'Søk' }).click();
  await page.getByRole('button', { name: `Velg ${fixture.name}` }).click();
  await expect(page.getByTestId('chosen-customer')).toContainText(`${fixture.name} (${fixture.customerNumber})`);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Neste' }).click();

  // 3. delivery site: the Elhub look-up (BRS-NO-611) from her national ID and address; a wildcard too early is refused
  // before anything is sent, at its field; Elhub knows no metering point of hers, and says so
  await expect(steps.locator('[aria-current="step"]')).toHaveText('3. Leveringssted');
  const lookup = page.getByRole('region', { name: 'Finn målepunktet i Elhub' });
  await expect(lookup.getByLabel('Fødselsnummer eller organisasjonsnummer')).toHaveValue(fixture.nationalId);
  await lookup.getByLabel('Gatenavn').fill('Stor*');
  await lookup.getByLabel('Postnummer').fill('5700');
  await lookup.getByRole('button', { name: 'Søk i Elhub' }).click();
  await expect(lookup.getByLabel('Gatenavn')).toHaveAttribute('aria-invalid', 'true');
  await expect(lookup.getByRole('alert')).toBeFocused();
  await expectAccessible(page);
  await lookup.getByLabel('Gatenavn').fill('Storgata');
  await lookup.getByRole('button', { name: 'Søk i Elhub' }).click();
  await expect(lookup.getByRole('alert')).toContainText('E10');
  await expect(lookup.getByLabel('Gatenavn')).not.toHaveAttribute('aria-invalid', 'true');

  // a switch from a day already past, no metering point: the order is refused at its fields, in their step
  await pickDate(page.getByLabel('Startdato'), '2026-03-01');
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(steps.locator('[aria-current="step"]')).toHaveText('4. Oppsummering');
  await expect(page.getByRole('region', { name: 'Bestillingen' })).toContainText(fixture.name);
  await expect(page.getByRole('region', { name: 'Bestillingen' })).toContainText('Leverandørbytte');
  await page.getByRole('button', { name: 'Legg inn bestillingen' }).click();
  await expect(page.getByRole('alert')).toContainText('Må fylles ut.');
  await expect(page.getByRole('alert')).toBeFocused();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Rett i steget Leveringssted' }).click();
  await expect(page.getByRole('textbox', { name: 'Målepunkt-ID' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Målepunkt-ID' }).fill(fixture.meteringPointId);
  await page.getByRole('button', { name: 'Neste' }).click();
  await page.getByRole('button', { name: 'Legg inn bestillingen' }).click();
  await expect(page.getByRole('alert')).toContainText('Startdatoen er utenfor vinduet');
  await page.getByRole('button', { name: 'Rett i steget Leveringssted' }).click();
  await expect(page.getByLabel('Startdato')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  // nothing was stored: the customer's orders are as before (the one on its way from the fixture)
  await expect(page).toHaveURL(/\/contract-orders\/new$/);
});
