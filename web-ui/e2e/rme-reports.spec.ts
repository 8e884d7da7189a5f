import { expect, test } from '@playwright/test';
import { expectAccessible, pickMonth, signIn, tourScreenshot } from './support';

test('RME reports: a month with an unsettled Norgespris point is blocked naming the rule; a month produced, produced again unchanged, downloaded', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'billing');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'RME-rapporter' }).click();
  await expect(page).toHaveURL(/\/rme-reports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'RME-rapporter' })).toBeVisible();
  await expectAccessible(page);

  const produce = page.getByRole('region', { name: 'Lag RME-fil for en måned' });
  // February 2026: a Norgespris household supplied that month has no settlement yet (not billed) — the file is blocked
  await pickMonth(produce.getByLabel('Måned'), '2026-02');
  await produce.getByRole('button', { name: 'Lag fil' }).click();
  await expect(produce.getByRole('alert')).toContainText('er ikke avregnet');
  await expectAccessible(page);

  // December 2025: produced (a new version, or the same file as the latest when nothing changed since), then unchanged
  await pickMonth(produce.getByLabel('Måned'), '2025-12');
  await produce.getByRole('button', { name: 'Lag fil' }).click();
  await expect(produce.getByRole('status')).toContainText('_202512.csv');
  await produce.getByRole('button', { name: 'Lag fil' }).click();
  await expect(produce.getByRole('status')).toContainText('Uendret: samme fil som versjon');
  const versions = page.getByRole('region', { name: 'Filer og versjoner' });
  const row = versions.getByRole('row').filter({ hasText: '_202512.csv' }).first();
  await expect(row).toContainText('2025-12');
  await expectAccessible(page);
  await tourScreenshot(page, 'rme-reports');

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: /^Last ned .*_202512\.csv/ }).click();
  expect((await download).suggestedFilename()).toMatch(/_202512\.csv$/);
});
