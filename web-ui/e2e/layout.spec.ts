import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible, signIn } from './support';

const MENU = ['Søk', 'Saker', 'Ordrer', 'Elhub-avvik', 'Innbetalinger', 'Utsending', 'Kundefordringer', 'Fakturakjøringer', 'RME-rapporter', 'Referansedata'];

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, `${locator} has a box`).not.toBeNull();
  return found!;
}

test('layout: at 1280 px the header is one row and the whole menu is in the side bar; a narrow window has the menu behind its button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await signIn(page, 'customer-service');
  await expect(page.getByRole('searchbox', { name: 'Søk etter kunde' })).toBeFocused();
  const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
  for (const name of MENU) await expect(menu.getByRole('link', { name, exact: true })).toBeInViewport({ ratio: 1 });
  await expect(menu.getByRole('link', { name: 'Søk', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('button', { name: 'Meny' })).toBeHidden();

  // one row: the name, the language switch and sign-out side by side, each within the header's height
  const header = await box(page.locator('header'));
  expect(header.height).toBeLessThanOrEqual(60);
  const parts = [await box(page.getByRole('link', { name: 'Kraft CIS' })), await box(page.getByText('Norsk', { exact: true })),
    await box(page.getByRole('button', { name: 'Logg ut' }))];
  for (const part of parts) {
    expect(part.y).toBeGreaterThanOrEqual(header.y);
    expect(part.y + part.height).toBeLessThanOrEqual(header.y + header.height);
    expect(Math.abs(part.y + part.height / 2 - (header.y + header.height / 2))).toBeLessThan(4);
  }
  // the side bar is beside the screen, not over it
  const side = await box(menu);
  const search = await box(page.getByRole('searchbox', { name: 'Søk etter kunde' }));
  expect(side.x + side.width).toBeLessThanOrEqual(search.x);
  await expectAccessible(page);

  // a narrow window: the menu folded behind its button, out of the way of Tab; unfolded, a link chosen, folded again
  await page.setViewportSize({ width: 700, height: 800 });
  const button = page.getByRole('button', { name: 'Meny' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeHidden();
  const narrowHeader = await box(page.locator('header'));
  expect(narrowHeader.height).toBeLessThanOrEqual(60);
  const signOut = await box(page.getByRole('button', { name: 'Logg ut' }));
  expect(signOut.y + signOut.height).toBeLessThanOrEqual(narrowHeader.y + narrowHeader.height);
  await expectAccessible(page);
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  for (const name of MENU) await expect(menu.getByRole('link', { name, exact: true })).toBeVisible();
  await expectAccessible(page);
  await menu.getByRole('link', { name: 'Innbetalinger' }).click();
  await expect(page).toHaveURL(/\/payments$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Innbetalinger' })).toBeVisible();
  await expect(menu).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // by keyboard: the button unfolds it, Tab goes on into the menu, Escape folds it and returns to the button
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const first = menu.getByRole('link', { name: 'Søk', exact: true });
  for (let i = 0; i < 10 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(first).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
});
