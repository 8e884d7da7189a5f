import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, pickDate, signIn } from './support';

// Today in the browser tests is 15.03.2026. The mover is supplied on moverPoint from 01.01.2026, open-ended.
test('ending our supply through Elhub: a move-out too late for its window is refused at the date; a termination asked early is held, then cancelled', async ({ page }) => {
  await page.goto(`/customers/${fixture.moverCustomer}`);
  await signIn(page, 'customer-service');
  await page.getByRole('button', { name: `Flytting/oppsigelse (Elhub) ${fixture.moverPoint}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Avslutt leveranse i Elhub' });
  await expect(dialog.getByRole('radio', { name: 'Utflytting' })).toBeChecked();
  // a move-out from today: Elhub had to have it by yesterday (the day before for an hourly point) — refused before sending
  await pickDate(dialog.getByLabel('Første dag uten leveranse fra oss'), '2026-03-15');
  await dialog.getByLabel('Gateadresse').fill('Nyveien 3B');
  await dialog.getByLabel('Postnummer').fill('7010');
  await dialog.getByLabel('Sted').fill('Trondheim');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Send til Elhub' }).click();
  const date = dialog.getByLabel('Første dag uten leveranse fra oss');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('had to reach Elhub by');
  await expect(dialog).toContainText('the earliest end date possible now is');

  // a termination for 04.05.2026: its send window has not opened, so it is held (nothing goes to Elhub yet)
  await dialog.getByRole('radio', { name: 'Oppsigelse' }).check();
  await expect(dialog.getByText('Ny fakturaadresse (valgfri; ellers kundens adresse)')).toBeVisible();
  await dialog.getByLabel('Gateadresse').fill('');
  await dialog.getByLabel('Postnummer').fill('');
  await dialog.getByLabel('Sted').fill('');
  await pickDate(date, '2026-05-04');
  await dialog.getByRole('button', { name: 'Send til Elhub' }).click();
  await expect(dialog).toBeHidden();
  const sent = page.getByRole('status').filter({ hasText: 'Oppsigelse 04.05.2026 registrert: Registrert.' });
  await expect(sent).toBeVisible();

  // followed on the metering point: held until its window opens; cancelled at once, never sent
  await sent.getByRole('link', { name: 'Følg den på målepunktet' }).click();
  const processes = page.getByRole('region', { name: 'Leverandørprosesser (Elhub)' });
  const row = processes.getByRole('row').filter({ hasText: 'Oppsigelse (BRS-NO-202)' });
  await expect(row).toContainText('04.05.2026');
  await expect(row).toContainText('Holdes tilbake til sendevinduet åpner');
  await expect(row.getByRole('button', { name: 'Rull tilbake Oppsigelse (BRS-NO-202)' })).toHaveCount(0);
  await expectAccessible(page);
  await row.getByRole('button', { name: 'Kanseller Oppsigelse (BRS-NO-202)' }).click();
  await expect(row).toContainText('Kansellert');
  await expect(row.getByRole('button')).toHaveCount(0);
  await expectAccessible(page);
});
