import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible, fixture, signIn, pickDate } from './support';

test('segments: the groups listed; a metering point put in a manual segment, its contract in another, one membership ended, segments derived again', async ({ page }) => {
  await page.goto('/admin');
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Segmenter og medlemskap' }).click();
  await expect(page).toHaveURL(/\/admin\/segments$/);
  const groups = page.getByRole('region', { name: 'Segmentgrupper og segmenter' });
  await expect(groups.getByRole('row').filter({ hasText: fixture.segmentCampaign })).toContainText('Manuelt');
  await expect(groups.getByRole('row').filter({ hasText: /^101/ }).first()).toContainText('Utledet');
  await expectAccessible(page);

  // the metering point is in no segment yet (the URL names it)
  const memberships = page.getByRole('region', { name: 'Medlemskap' });
  await memberships.getByLabel('Målepunkt-ID').fill(fixture.segmentMeteringPointId);
  await memberships.getByRole('button', { name: 'Vis medlemskap' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?meteringPointId=${fixture.segmentMeteringPointId}$`));
  await expect(memberships).toContainText('Målepunktet er ikke med i noe segment.');

  // no segment chosen: refused at the field
  const addPoint = page.getByRole('region', { name: 'Legg målepunktet i et manuelt segment' });
  await pickDate(addPoint.getByLabel('Fra dato'), '2026-04-01');
  await addPoint.getByRole('button', { name: 'Legg til' }).click();
  await expect(addPoint.getByRole('alert')).toContainText('Må fylles ut.');
  await expect(addPoint.getByLabel('Manuelt segment')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await chooseSegment(addPoint.getByLabel('Manuelt segment'), fixture.segmentCampaign);
  await addPoint.getByRole('button', { name: 'Legg til' }).click();
  await expect(addPoint.getByRole('status')).toContainText(`Lagt til i ${fixture.segmentCampaign}: fra 01.04.2026.`);
  const table = page.getByRole('table', { name: `Medlemskap for ${fixture.segmentMeteringPointId}` });
  await expect(table.getByRole('row').filter({ hasText: fixture.segmentCampaign })).toContainText('fra 01.04.2026Målepunktet');

  // the contract that supplies it, in the other segment from 1 January: shown through the contract
  const addContract = page.getByRole('region', { name: 'Legg en kontrakt (alle målepunktene) i et manuelt segment' });
  await addContract.getByLabel('Kontraktsnummer').fill(fixture.segmentContract);
  await chooseSegment(addContract.getByLabel('Manuelt segment'), fixture.segmentAgreement);
  await pickDate(addContract.getByLabel('Fra dato'), '2026-01-01');
  await addContract.getByRole('button', { name: 'Legg til' }).click();
  await expect(addContract.getByRole('status')).toContainText(`Lagt til i ${fixture.segmentAgreement}`);
  await expect(table.getByRole('row').filter({ hasText: fixture.segmentAgreement })).toContainText('fra 01.01.2026Kontrakten');
  await expectAccessible(page);

  // the metering point's own membership ended from 1 June: the period shortened
  await table.getByRole('button', { name: `Avslutt medlemskap i ${fixture.segmentCampaign}` }).click();
  const dialog = page.getByRole('dialog', { name: `Avslutt medlemskap i ${fixture.segmentCampaign}` });
  await pickDate(dialog.getByLabel('Første dag utenfor segmentet'), '2026-06-01');
  await dialog.getByRole('button', { name: 'Avslutt' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: fixture.segmentCampaign })).toContainText('01.04.2026 – 31.05.2026');
  await expectAccessible(page);

  // the compensation segments derived again from property 900 (none set: nothing changes)
  await memberships.getByRole('button', { name: 'Utled segment 101–103 på nytt' }).click();
  await expect(memberships.getByRole('status').filter({ hasText: 'utledet på nytt' })).toBeVisible();
  await expectAccessible(page);
});

/** Chooses the segment of that name (its option reads "name (id)"). */
async function chooseSegment(select: Locator, name: string) {
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value ?? '');
}
