import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn, tourScreenshot, pickDate } from './support';

test('cases: an open complaint taken, a message added, a deadline set and flagged, found under mine and flagged, then closed', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Saker' }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
  await page.getByText('Alle åpne saker').click();
  await expect(page).toHaveURL(/view=open/);
  const all = page.getByRole('region', { name: 'Alle åpne saker' });
  const row = all.getByRole('row').filter({ hasText: fixture.caseTitle });
  await expect(row).toContainText('Klage');
  await expectAccessible(page);
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fixture.caseTitle);
  await expect(page.getByTestId('case-owner')).toHaveText('ingen');

  await page.getByRole('button', { name: 'Ta saken' }).click();
  await expect(page.getByTestId('case-owner')).toHaveText('customer-service');

  // an empty message is refused at the field; a message joins the dialogue
  const dialogue = page.getByRole('region', { name: 'Dialog' });
  await dialogue.getByRole('button', { name: 'Legg til melding' }).click();
  await expect(dialogue.getByLabel('Ny melding')).toHaveAttribute('aria-invalid', 'true');
  await dialogue.getByLabel('Ny melding').fill('Ringte kunden; venter på bilde av måleren');
  await dialogue.getByRole('button', { name: 'Legg til melding' }).click();
  await expect(dialogue.getByRole('listitem')).toContainText(['Ringte kunden; venter på bilde av måleren']);

  // a deadline in the past (the test's today is 15 March 2026) is refused at the field; one ahead is kept, and flagged
  const handle = page.getByRole('region', { name: 'Behandle saken' });
  await pickDate(handle.getByLabel('Frist'), '2026-03-01');
  await handle.getByRole('button', { name: 'Lagre' }).click();
  await expect(handle.getByRole('alert')).toContainText('Fristen kan ikke ligge i fortiden.');
  await expect(handle.getByLabel('Frist')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await pickDate(handle.getByLabel('Frist'), '2026-03-27');
  await handle.getByLabel('Status').selectOption({ label: 'under arbeid' });
  await handle.getByLabel('Merk for oppfølging').check();
  await handle.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('case-deadline')).toHaveText('27.03.2026');
  await expect(page.getByTestId('case-status')).toHaveText('under arbeid');
  await expectAccessible(page);
  await tourScreenshot(page, 'case');

  // mine now, and flagged for follow-up, by deadline
  await page.getByRole('link', { name: 'Saker' }).last().click();
  await expect(page.getByRole('region', { name: 'Mine åpne saker' }).getByRole('row').filter({ hasText: fixture.caseTitle })).toContainText('27.03.2026');
  await page.getByText('Til oppfølging').click();
  const flagged = page.getByRole('region', { name: 'Til oppfølging' }).getByRole('row').filter({ hasText: fixture.caseTitle });
  await expect(flagged).toContainText('oppfølging');
  await flagged.getByRole('link').first().click();

  // closed: no more messages, and out of the open lists
  await page.getByRole('button', { name: 'Lukk saken' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('lukket');
  await expect(page.getByRole('button', { name: 'Legg til melding' })).toHaveCount(0);
  await page.goto('/cases?view=open');
  await expect(page.getByRole('region', { name: 'Alle åpne saker' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: fixture.caseTitle })).toHaveCount(0);
});
