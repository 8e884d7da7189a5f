import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, pickDate, signIn, tourDialogScreenshot, tourScreenshot } from './support';

test('move-out through Elhub: refused out of its send window at the date, sent and confirmed, cancelled on the metering point; a rollback needs its reason', async ({ page }) => {
  await page.goto(`/customers/${fixture.moverCustomer}`);
  await signIn(page, 'customer-service');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mia Flytter');
  await expectAccessible(page);

  // the point's action, reached and opened with the keyboard
  const action = page.getByRole('button', { name: `Flytting/oppsigelse (Elhub) ${fixture.moverPoint}` });
  for (let i = 0; i < 60 && !(await action.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(action).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Flytting/oppsigelse (Elhub)' });
  await expect(dialog).toBeVisible();
  const date = dialog.getByLabel('Sluttdato (første dag uten leveranse fra oss)');
  await expect(date).toBeFocused();
  await expect(dialog.getByRole('radio', { name: /Utflytting/ })).toBeChecked();
  await expectAccessible(page);

  // today is 15 March 2026 and the point is time-metered: an end on the 15th had to reach Elhub by the 14th
  await pickDate(date, '2026-03-15');
  await dialog.getByLabel('Gateadresse').fill('Nyveien 3B');
  await dialog.getByLabel('Postnummer').fill('5003');
  await dialog.getByLabel('Sted').fill('Bergen');
  await dialog.getByRole('button', { name: 'Send til Elhub' }).click();
  const refusal = 'Forespørselen for 15.03.2026 måtte nå Elhub innen 14.03.2026. Tidligste mulige sluttdato nå er 16.03.2026.';
  await expect(dialog.getByRole('alert')).toContainText(refusal);
  await expect(dialog.getByRole('alert')).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(refusal)).toHaveCount(2);   // in the summary and at the field
  await expectAccessible(page);
  await tourDialogScreenshot(page, 'move-out-refused');

  // in its window: stored, sent, and Elhub (the stand-in) confirms it
  await pickDate(date, '2026-03-20');
  await dialog.getByRole('button', { name: 'Send til Elhub' }).click();
  await expect(dialog.getByText('Forespørselen er lagret og sendes til Elhub.')).toBeVisible();
  await expect(dialog).toContainText('BRS-NO-201 · Utflytting · 20.03.2026');
  await expect(dialog.getByTestId('supply-status')).toHaveText('Bekreftet av Elhub', { timeout: 30_000 });
  await expect(dialog).toContainText('Sendt til Elhub');
  await expectAccessible(page);

  // the metering point's supply processes: the move-out, confirmed, with its times; cancelled before the deadline
  await dialog.getByRole('link', { name: 'Se målepunktets leverandørprosesser' }).click();
  await expect(page).toHaveURL(new RegExp(`/metering-points/${fixture.moverPoint}$`));
  const processes = page.getByRole('region', { name: 'Leverandørprosesser (Elhub)' });
  const row = processes.getByRole('row').filter({ hasText: 'BRS-NO-201' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Utflytting');
  await expect(row).toContainText('20.03.2026');
  await expect(row).toContainText('Bekreftet av Elhub');
  await expect(row.getByRole('cell').nth(4)).toContainText('15.03.2026');   // sent
  await expect(row.getByRole('cell').nth(5)).toContainText('15.03.2026');   // confirmed
  await expect(row.getByRole('button', { name: 'Tilbakefør utflytting 20.03.2026' })).toBeVisible();
  await expectAccessible(page);

  await row.getByRole('button', { name: 'Kanseller utflytting 20.03.2026' }).click();
  const cancel = page.getByRole('dialog', { name: 'Kanseller prosessen hos Elhub' });
  await expect(cancel).toContainText('BRS-NO-201 · Utflytting · 20.03.2026');
  await expectAccessible(page);
  await cancel.getByRole('button', { name: 'Kanseller prosessen hos Elhub' }).click();
  await expect(cancel).toBeHidden();
  await expect(row).toContainText('Kansellert', { timeout: 30_000 });
  await expect(row.getByRole('button')).toHaveCount(0);
  await expectAccessible(page);

  // the delivery the end had ended runs on, open-ended as before
  await page.goto(`/customers/${fixture.moverCustomer}`);
  const contracts = page.getByRole('region', { name: 'Kontrakter og leveranser' });
  await expect(contracts.getByRole('row').filter({ hasText: fixture.moverPoint })).toContainText('fra 01.01.2026');

  // a second move-out, confirmed: a rollback corrects a mistake, so the API refuses one without it, at the field
  await page.getByRole('button', { name: `Flytting/oppsigelse (Elhub) ${fixture.moverPoint}` }).click();
  await pickDate(date, '2026-03-25');
  await dialog.getByLabel('Gateadresse').fill('Nyveien 3B');
  await dialog.getByLabel('Postnummer').fill('5003');
  await dialog.getByLabel('Sted').fill('Bergen');
  await dialog.getByRole('button', { name: 'Send til Elhub' }).click();
  await expect(dialog.getByTestId('supply-status')).toHaveText('Bekreftet av Elhub', { timeout: 30_000 });
  await dialog.getByRole('link', { name: 'Se målepunktets leverandørprosesser' }).click();
  const second = processes.getByRole('row').filter({ hasText: '25.03.2026' });
  await expect(second).toContainText('Bekreftet av Elhub');
  await expect(processes.getByRole('row').filter({ hasText: '20.03.2026' })).toContainText('Kansellert');
  await tourScreenshot(page, 'supply-processes');
  await second.getByRole('button', { name: 'Tilbakefør utflytting 25.03.2026' }).click();
  const rollback = page.getByRole('dialog', { name: 'Tilbakefør prosessen hos Elhub' });
  const reason = rollback.getByLabel('Hvilken feil tilbakeføringen retter');
  await expect(reason).toBeFocused();
  await rollback.getByRole('button', { name: 'Tilbakefør prosessen hos Elhub' }).click();
  await expect(rollback.getByRole('alert')).toContainText('Skriv hvilken feil tilbakeføringen retter');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(rollback).toBeHidden();
  await expect(second).toContainText('Bekreftet av Elhub');
  // the customer stays after all: cancelled before the deadline
  await second.getByRole('button', { name: 'Kanseller utflytting 25.03.2026' }).click();
  await cancel.getByRole('button', { name: 'Kanseller prosessen hos Elhub' }).click();
  await expect(second).toContainText('Kansellert', { timeout: 30_000 });
});
