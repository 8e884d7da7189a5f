import { expect, type Page } from '@playwright/test';
import { pickDate } from './support';

/** A product as an admin types it in the new-product dialog of /admin/products (amounts the Norwegian way, "1,25"). */
export type NewProduct = { code: string; name: string; kind: 'Spotpris' | 'Variabel' | 'Fastpris'; from: string;
  energy?: string; priceCalculation?: string; markup?: string; monthlyFee?: string };

/** A product code of this run only ("SALG123456"), so a second run against the same database does not meet the first's. */
export function uniqueCode(prefix: string): string {
  return `${prefix}${Date.now() % 1_000_000}`;
}

/** Defines a product on the products screen (already open, signed in as admin) and waits for the dialog to close. */
export async function defineProduct(page: Page, p: NewProduct) {
  await page.getByRole('button', { name: 'Nytt produkt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nytt produkt' });
  await fillProduct(page, p);
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`Produktet ${p.code} er opprettet med sine priser.`);
}

/** Types a product into the open new-product dialog. */
export async function fillProduct(page: Page, p: NewProduct) {
  const dialog = page.getByRole('dialog', { name: 'Nytt produkt' });
  await dialog.getByLabel('Kode').fill(p.code);
  await dialog.getByLabel('Navn').fill(p.name);
  await dialog.getByRole('radio', { name: p.kind }).check();
  await pickDate(dialog.getByLabel('Prisene gjelder fra'), p.from);
  if (p.energy !== undefined) await dialog.getByLabel(/^Energipris \(per kWh/).fill(p.energy);
  if (p.priceCalculation !== undefined) await dialog.getByLabel(/pristabell|Prisberegning/i).fill(p.priceCalculation);
  if (p.markup !== undefined) await dialog.getByLabel(/^Påslag \(valgfritt\)/).fill(p.markup);
  if (p.monthlyFee !== undefined) await dialog.getByLabel(/^Fastbeløp per måned \(valgfritt\)/).fill(p.monthlyFee);
}
