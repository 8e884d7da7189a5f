import { expect, test } from '@playwright/test';
import { fixture, signIn } from './support';

test('keyboard only: skip link, search, open the customer, a dialog opened and closed without the mouse', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service');
  const search = page.getByRole('searchbox', { name: 'Søk etter kunde' });
  await expect(search).toBeFocused();
  await page.keyboard.type(fixture.phone);
  await expect(page.getByRole('link', { name: fixture.customerNumber })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: fixture.name })).toBeVisible();
  // a new screen puts focus on its content, where the keyboard goes on from
  await expect(page.locator('#main')).toBeFocused();
  // Tab to "Endre" (contact details) and open it with the keyboard; Escape closes it and focus returns
  const edit = page.getByRole('button', { name: 'Endre' });
  for (let i = 0; i < 30 && !(await edit.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(edit).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Endre kontaktinformasjon' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('E-post')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();

  // on a page load the first Tab reaches the skip link, and Enter on it moves focus past the header
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: fixture.name })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Gå til innholdet' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('keyboard only: the header menu to the billing runs, a run opened; a work-queue filter typed and sent with Enter', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'billing');
  await expect(page.getByRole('searchbox', { name: 'Søk etter kunde' })).toBeFocused();
  // back from the search box into the header's menu
  const runs = page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Fakturakjøringer' });
  for (let i = 0; i < 30 && !(await runs.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(runs).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Fakturakjøringer' })).toBeVisible();
  await expect(page.locator('#main')).toBeFocused();
  // on to the latest run in the list (the billing-runs test started one), opened with Enter
  const latest = page.getByRole('region', { name: 'Siste kjøringer' }).getByRole('row').nth(1).getByRole('link').first();
  for (let i = 0; i < 30 && !(await latest.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(latest).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/billing-runs\/\d+$/);
  await expect(page.getByTestId('run-done')).toBeVisible();

  // the Elhub queue: a metering-point ID typed in the filter and sent with Enter
  await page.goto('/elhub/work-items');
  const point = page.getByLabel('Målepunkt-ID');
  await expect(page.getByRole('heading', { level: 1, name: 'Avvik mot Elhub' })).toBeVisible();
  for (let i = 0; i < 30 && !(await point.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(point).toBeFocused();
  await page.keyboard.type('12345');
  await page.keyboard.press('Enter');
  await expect(point).toHaveAttribute('aria-invalid', 'true');
});
