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
