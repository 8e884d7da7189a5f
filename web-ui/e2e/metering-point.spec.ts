import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn } from './support';

test('the metering point: history, and ordering Norgespris shows the refusal at the field and then the queued command', async ({ page }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'customer-service');
  await page.getByRole('link', { name: fixture.meteringPointId }).click();
  await expect(page).toHaveURL(new RegExp(`/metering-points/${fixture.meteringPointId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fixture.meteringPointId);
  await expect(page.getByRole('region', { name: 'Egenskaper og historikk' }).getByText('fra 01.01.2026')).toBeVisible();
  await expect(page.getByText('Ingen bestillinger sendt.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Bestill Norgespris' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bestill Norgespris' });
  await dialog.getByLabel('Fra dato').fill('2020-01-01');
  await dialog.getByRole('button', { name: 'Bestill Norgespris' }).click();
  // the API's rule, next to the field; nothing was sent
  await expect(dialog.getByText('Norgespris can be ordered from today at the earliest')).toBeVisible();
  await expect(dialog.getByLabel('Fra dato')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await dialog.getByLabel('Fra dato').fill('2026-04-01');
  await dialog.getByRole('button', { name: 'Bestill Norgespris' }).click();
  await expect(dialog).toBeHidden();
  const commands = page.getByRole('region', { name: 'Norgespris hos Elhub' });
  await expect(commands.getByText('01.04.2026')).toBeVisible();
  await expect(commands.getByText('I kø mot Elhub')).toBeVisible();
  await expectAccessible(page);
});
