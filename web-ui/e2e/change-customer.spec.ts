import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn } from './support';

test('contact details: a bad e-mail is refused at the field; a change made meanwhile is shown, not overwritten', async ({ page, context }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'customer-service');
  await page.getByRole('button', { name: 'Endre' }).click();
  const dialog = page.getByRole('dialog', { name: 'Endre kontaktinformasjon' });
  await dialog.getByLabel('E-post').fill('not-an-address');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByLabel('E-post')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await dialog.getByLabel('E-post').fill('kari.forste@example.no');

  // a colleague changes the same customer in another tab (same sign-in)
  const colleague = await context.newPage();
  await colleague.goto(`/customers/${fixture.customerNumber}`);
  await colleague.getByRole('button', { name: 'Endre' }).click();
  const other = colleague.getByRole('dialog', { name: 'Endre kontaktinformasjon' });
  await other.getByLabel('E-post').fill('kari.kollega@example.no');
  await other.getByRole('button', { name: 'Lagre' }).click();
  await expect(other).toBeHidden();
  await expect(colleague.getByText('kari.kollega@example.no')).toBeVisible();

  // the first tab's save is against the old version: refused, and the stored e-mail is shown
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Kunden er endret i mellomtiden');
  await expect(dialog.getByLabel('E-post')).toHaveValue('kari.kollega@example.no');
  await expectAccessible(page);
  // (the mobile stays: other tests find the customer by it)
  await dialog.getByLabel('Gateadresse').fill('Fjellveien 9');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Fjellveien 9', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('kari.kollega@example.no')).toBeVisible();
});

test('logging a contact adds it to the contact log', async ({ page }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'customer-service');
  await page.getByRole('button', { name: 'Logg kontakt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Logg kontakt' });
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByLabel('Sammendrag')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Sammendrag').fill('Ringte om flytting i april');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Kontaktlogg' }).getByText('Ringte om flytting i april')).toBeVisible();
  await expectAccessible(page);
});
