import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, fixture, signIn, tourScreenshot } from './support';

/** The queue filtered to one metering point, and its one item opened. */
async function openItemOf(page: Page, meteringPointId: string) {
  const filter = page.getByRole('search', { name: 'Filtrer' });
  await filter.getByLabel('Målepunkt-ID').fill(meteringPointId);
  await filter.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(new RegExp(`meteringPointId=${meteringPointId}`));
  const items = page.getByRole('region', { name: 'Saker i køen' });
  await expect(items.getByRole('row')).toHaveCount(2);
  await expect(items.getByRole('row').nth(1)).toContainText('Avvist av Elhub');
  await expect(items.getByRole('row').nth(1)).toContainText('Åpen');
  await items.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/elhub\/work-items\/\d+$/);
}

test('the Elhub exception queue: filtered by metering point and kind, a refused order with its request and answer, sent again', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Elhub-avvik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avvik mot Elhub' })).toBeVisible();
  await expectAccessible(page);

  // a metering-point ID that is not one: the API's rule at the field
  const filter = page.getByRole('search', { name: 'Filtrer' });
  await filter.getByLabel('Målepunkt-ID').fill('12345');
  await filter.getByRole('button', { name: 'Filtrer' }).click();
  await expect(filter.getByLabel('Målepunkt-ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(filter).toContainText('En målepunkt-ID har 18 siffer.');
  await expectAccessible(page);

  // the metering point's refused order; of another kind there is none
  await filter.getByLabel('Målepunkt-ID').fill(fixture.retriedMeteringPointId);
  await filter.getByRole('button', { name: 'Filtrer' }).click();
  const items = page.getByRole('region', { name: 'Saker i køen' });
  await expect(items).toContainText('1 sak');
  await filter.getByLabel('Type').selectOption({ label: 'Datakonflikt' });
  await expect(page).toHaveURL(/kind=DATA_CONFLICT/);
  await expect(items).toContainText('0 saker');
  await filter.getByLabel('Type').selectOption({ label: 'Avvist av Elhub' });
  await expect(items).toContainText('1 sak');
  await expectAccessible(page);
  await tourScreenshot(page, 'elhub-exception-queue');

  await openItemOf(page, fixture.retriedMeteringPointId);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Avvist av Elhub');
  await expect(page.getByRole('region', { name: 'Forespørsel' })).toContainText('POST /contracts');
  await expect(page.getByRole('region', { name: 'Forespørsel' })).toContainText(fixture.retriedMeteringPointId);
  await expect(page.getByRole('region', { name: 'Svar' })).toContainText('INVALID_INPUT');
  const log = page.getByRole('region', { name: 'Integrasjonslogg for målepunktet' });
  await expect(log.getByRole('row').nth(1)).toContainText('CONTRACTS');
  await expectAccessible(page);
  await tourScreenshot(page, 'elhub-work-item');

  // sent again: the item is closed as retried, and the order waits for Elhub again
  await page.getByRole('button', { name: 'Prøv på nytt' }).click();
  await expect(page.getByTestId('work-item-status')).toHaveText('Prøvd på nytt');
  await expect(page.getByTestId('work-item-comment')).toHaveText('sent again');
  await expect(page.getByRole('button', { name: 'Prøv på nytt' })).toHaveCount(0);
  await page.getByRole('link', { name: fixture.retriedMeteringPointId }).first().click();
  await expect(page.getByRole('region', { name: 'Norgespris hos Elhub' }).getByText('I kø mot Elhub')).toBeVisible();
});

test('an Elhub work item is resolved with a comment; without one it is refused at the field', async ({ page }) => {
  await page.goto('/elhub/work-items');
  await signIn(page, 'customer-service');
  await openItemOf(page, fixture.resolvedMeteringPointId);
  const act = page.getByRole('region', { name: 'Behandle' });
  await act.getByRole('button', { name: 'Løs med kommentar' }).click();
  await expect(act.getByRole('alert')).toContainText('Skriv hvordan saken ble løst.');
  await expect(act.getByRole('alert')).toBeFocused();
  await expect(act.getByLabel('Hva ble gjort')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await act.getByLabel('Hva ble gjort').fill('Netteier rettet målepunktet hos Elhub');
  await act.getByRole('button', { name: 'Løs med kommentar' }).click();
  await expect(page.getByTestId('work-item-status')).toHaveText('Løst');
  await expect(page.getByTestId('work-item-comment')).toHaveText('Netteier rettet målepunktet hos Elhub');
  await expectAccessible(page);
  // no longer in the open queue
  await page.getByRole('link', { name: 'Avvik mot Elhub' }).last().click();
  const filter = page.getByRole('search', { name: 'Filtrer' });
  await filter.getByLabel('Målepunkt-ID').fill(fixture.resolvedMeteringPointId);
  await filter.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('region', { name: 'Saker i køen' })).toContainText('0 saker');
  await filter.getByLabel('Status').selectOption({ label: 'Løst' });
  await expect(page.getByRole('region', { name: 'Saker i køen' })).toContainText('1 sak');
});
