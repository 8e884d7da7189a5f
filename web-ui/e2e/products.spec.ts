import { expect, test } from '@playwright/test';
import { defineProduct, fillProduct, uniqueCode } from './products';
import { expectAccessible, signIn } from './support';

test('products: an admin defines a product with its prices — refused at the fields first, then listed with its tariff elements, each with its dated price', async ({ page }) => {
  await page.goto('/admin/products');
  await signIn(page, 'admin');
  const products = page.getByRole('region', { name: 'Produkter' });
  await expect(products.getByRole('row').filter({ has: page.getByRole('cell', { name: 'SPOT', exact: true }) })).toContainText('Spotpris');

  // nothing typed: every missing field named at the field and in the summary at the top
  await page.getByRole('button', { name: 'Nytt produkt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nytt produkt' });
  await expect(dialog.getByLabel('Kode')).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('Må fylles ut.');
  await expect(dialog.getByLabel('Kode')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Navn')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Prisene gjelder fra')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // a code that is taken, and a spot product without its price table
  const code = uniqueCode('GRONN');
  await fillProduct(page, { code: 'SPOT', name: 'Grønn strøm', kind: 'Spotpris', from: '2026-04-01' });
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('Oppgi enten et beløp eller en pristabell.');
  await dialog.getByLabel(/Prisberegning/).fill('999999');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('Prisberegningen finnes ikke.');
  await expect(dialog.getByLabel(/Prisberegning/)).toHaveAttribute('aria-invalid', 'true');
  // a variable price typed the Norwegian way, no price table; the code is still SPOT's
  await dialog.getByLabel(/Prisberegning/).fill('');
  await fillProduct(page, { code: 'SPOT', name: 'Grønn strøm', kind: 'Variabel', from: '2026-04-01', energy: '1,10' });
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('Det finnes allerede et produkt med denne koden.');
  await expect(dialog.getByLabel('Kode')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  // closed from the keyboard: nothing was saved
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(products.getByRole('row').filter({ has: page.getByRole('cell', { name: 'SPOT', exact: true }) })).toHaveCount(1);

  // saved: listed with its three tariff elements
  await defineProduct(page, { code, name: 'Grønn strøm', kind: 'Variabel', from: '2026-04-01', energy: '1,10', markup: '0,049', monthlyFee: '39' });
  const row = products.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
  await expect(row).toContainText('Grønn strøm');
  await expect(row).toContainText('Variabel');
  await expect(row.getByRole('link')).toHaveText([`${code}-ENERGI`, `${code}-FAST`, `${code}-PASLAG`]);
  const elements = page.getByRole('region', { name: 'Tariffelementer' });
  await expect(elements.getByRole('row').filter({ hasText: `${code}-PASLAG` })).toContainText('0,049\u00a0kr per kWh fra 01.04.2026');
  await expect(elements.getByRole('row').filter({ hasText: `${code}-FAST` })).toContainText('39,00\u00a0kr per måned fra 01.04.2026');
  await expectAccessible(page);

  // its energy price element: the price from 1 April, open-ended; a later price is added there as for any element
  await row.getByRole('link', { name: `${code}-ENERGI` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/tariff-elements/${code}-ENERGI$`));
  await expect(page.getByTestId('element-facts')).toContainText('Strøm, variabel pris');
  const history = page.getByRole('region', { name: 'Prishistorikk' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText('01.04.2026løpende1,10\u00a0krper kWh');
  await expectAccessible(page);

  // and in English the dialog says the same
  await page.goto('/admin/products');
  await page.getByText('English').click();
  await page.getByRole('button', { name: 'New product' }).click();
  await expect(page.getByRole('dialog', { name: 'New product' }).getByLabel('Prices apply from')).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'New product' })).toBeHidden();
  await page.getByText('Norsk').click();
});

test('customer service and billing read the products but are told only an admin defines one', async ({ page }) => {
  await page.goto('/admin/products');
  await signIn(page, 'billing');
  await page.getByRole('button', { name: 'Nytt produkt' }).click();
  await fillProduct(page, { code: uniqueCode('NEKT'), name: 'Nektet', kind: 'Fastpris', from: '2026-04-01', energy: '0,89' });
  const dialog = page.getByRole('dialog', { name: 'Nytt produkt' });
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toContainText('Dette krever rollen administrator.');
  await expectAccessible(page);
});
