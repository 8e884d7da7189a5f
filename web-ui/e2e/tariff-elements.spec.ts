import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn, tourScreenshot, pickDate } from './support';

test('tariff elements: the products and elements listed; a price added from a date, a change made meanwhile shown, not overwritten; the element ended', async ({ page, context }) => {
  await page.goto('/');
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Referansedata' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Referansedata' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Produkter og tariffelementer' }).click();
  await expect(page).toHaveURL(/\/admin\/products$/);
  await expect(page.getByRole('region', { name: 'Produkter' }).getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'SPOT', exact: true }) })).toContainText('Spotpris');
  const row = page.getByRole('region', { name: 'Tariffelementer' }).getByRole('row').filter({ hasText: fixture.tariffElement });
  await expect(row).toContainText('Påslag');
  await expect(row).toContainText('0,049\u00a0kr per kWh fra 01.01.2026');
  await expectAccessible(page);

  await row.getByRole('link', { name: fixture.tariffElement }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/tariff-elements/${fixture.tariffElement}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tariffelement ${fixture.tariffElement}`);
  const history = page.getByRole('region', { name: 'Prishistorikk' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText('01.01.2026løpende0,049\u00a0krper kWh');
  const version = Number(await page.getByTestId('element-version').textContent());
  await expectAccessible(page);

  // a new price from 1 April, chosen in the calendar (its days named in bokmål); the dialog says which version it changes
  await page.getByRole('button', { name: 'Ny pris fra dato' }).click();
  const dialog = page.getByRole('dialog', { name: `Ny pris for ${fixture.tariffElement}` });
  await expect(dialog.getByTestId('version-read')).toHaveText(`Endres fra versjon ${version}.`);
  await expect(dialog.getByLabel('Fra dato')).toHaveAttribute('placeholder', 'dd.mm.åååå');
  await dialog.getByLabel('Fra dato').click();
  await expect(page.locator('[data-dates-dropdown]').getByRole('button', { name: 'Neste måned' })).toBeVisible();
  await expectAccessible(page);   // with the calendar open
  await pickDate(dialog.getByLabel('Fra dato'), '2026-04-01');
  await dialog.getByLabel(/^Beløp/).fill('0,059');

  // meanwhile a colleague (another tab, same sign-in) adds a price from 1 May
  const colleague = await context.newPage();
  await colleague.goto(`/admin/tariff-elements/${fixture.tariffElement}`);
  await colleague.getByRole('button', { name: 'Ny pris fra dato' }).click();
  const other = colleague.getByRole('dialog', { name: `Ny pris for ${fixture.tariffElement}` });
  await other.getByLabel('Fra dato').fill('01.05.2026');   // typed, as staff mostly do
  await other.getByLabel(/^Beløp/).fill('0,069');
  await other.getByRole('button', { name: 'Lagre' }).click();
  await expect(other).toBeHidden();
  await expect(colleague.getByRole('region', { name: 'Prishistorikk' }).getByRole('row')).toHaveCount(3);
  await expect(colleague.getByTestId('element-version')).not.toHaveText(String(version));
  const changed = Number(await colleague.getByTestId('element-version').textContent());
  await colleague.close();

  // the first tab's save is against the old version: refused, the element read again (the colleague's price is there)
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Endret i mellomtiden');
  await expect(dialog.getByTestId('version-read')).toHaveText(`Endres fra versjon ${changed}.`);
  await expect(dialog.getByLabel(/^Beløp/)).toHaveValue('0,059');
  await expectAccessible(page);
  // saved against the new version, 1 April is now before the latest price: history is not rewritten
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Datoen ligger før den siste prisens start');
  await pickDate(dialog.getByLabel('Fra dato'), '2026-06-01');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history.getByRole('row').nth(1)).toContainText('01.01.202630.04.20260,049\u00a0kr');
  await expect(history.getByRole('row').nth(2)).toContainText('01.05.202631.05.20260,069\u00a0kr');
  await expect(history.getByRole('row').nth(3)).toContainText('01.06.2026løpende0,059\u00a0kr');
  await expect(page.getByTestId('element-version')).not.toHaveText(String(changed));
  await expectAccessible(page);
  await tourScreenshot(page, 'tariff-element-prices');

  // ended from 1 July: the element and its last price end the day before
  await page.getByRole('button', { name: 'Avslutt elementet' }).click();
  const end = page.getByRole('dialog', { name: `Avslutt ${fixture.tariffElement}` });
  await pickDate(end.getByLabel('Første dag uten elementet'), '2026-07-01');
  await end.getByRole('button', { name: 'Avslutt elementet' }).click();
  await expect(end).toBeHidden();
  await expect(page.getByTestId('element-validity')).toHaveText('01.01.2026 – 30.06.2026');
  await expect(history.getByRole('row').nth(3)).toContainText('01.06.202630.06.20260,059\u00a0kr');
  await expectAccessible(page);
});

test('customer service reads the tariff elements and is told which role may change a price', async ({ page }) => {
  await page.goto(`/admin/tariff-elements/${fixture.tariffElement}`);
  await signIn(page, 'customer-service');
  await expect(page.getByRole('region', { name: 'Prishistorikk' }).getByRole('row').nth(1)).toContainText('0,049\u00a0kr');
  await page.getByRole('button', { name: 'Ny pris fra dato' }).click();
  const dialog = page.getByRole('dialog', { name: `Ny pris for ${fixture.tariffElement}` });
  await pickDate(dialog.getByLabel('Fra dato'), '2026-09-01');
  await dialog.getByLabel(/^Beløp/).fill('0,1');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toContainText('Dette krever rollen fakturering eller administrator.');
  await expectAccessible(page);
});
