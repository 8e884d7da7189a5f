import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn } from './support';

test('contract orders: the list by stage and status, an order stopped on hold with its process log, a comment, the consent restarted, the order cancelled', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Ordrer' }).click();
  await expect(page).toHaveURL(/\/contract-orders$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ordrer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ordrer' })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);

  // the filter is in the URL: stopped orders on hold, the customer's refused one among them
  const filter = page.getByRole('search', { name: 'Filtrer' });
  await filter.getByLabel('Steg').selectOption({ label: 'På vent' });
  await filter.getByLabel('Status').selectOption({ label: 'stoppet' });
  await expect(page).toHaveURL(/stage=ON_HOLD/);
  await expect(page).toHaveURL(/status=STOPPED/);
  const list = page.getByRole('region', { name: 'Bestillinger' });
  const row = list.getByRole('row').filter({ hasText: fixture.stoppedOrder });
  await expect(row).toContainText('Leverandørbytte');
  await expect(row).toContainText('stoppet');
  await expectAccessible(page);
  await row.getByRole('link', { name: fixture.stoppedOrder }).click();

  // the order: stopped on hold with the reason, the stages with every step, the consent attempt
  await expect(page).toHaveURL(new RegExp(`/contract-orders/${fixture.stoppedOrder}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Ordre ${fixture.stoppedOrder}`);
  await expect(page.getByTestId('order-status')).toHaveText('stoppet');
  await expect(page.getByTestId('stop-reason')).not.toBeEmpty();
  await expect(page.getByRole('list', { name: 'Ordrens steg' }).locator('[aria-current="step"]')).toContainText('På vent');
  const validate = page.getByRole('region', { name: 'Valider og legg til' });
  await expect(validate.getByRole('row').filter({ hasText: 'VALIDATE' }).first()).toBeVisible();
  const onHold = page.getByRole('region', { name: 'På vent' });
  await expect(onHold).toContainText('SIGNING_SESSION_CREATED');
  const consents = page.getByRole('region', { name: 'Samtykkeforsøk' });
  await expect(consents.getByRole('row')).toHaveCount(2);
  await expectAccessible(page);

  // a comment: an empty one is refused at the field, then written
  const comments = page.getByRole('region', { name: 'Kommentarer' });
  await comments.getByRole('button', { name: 'Legg til kommentar' }).click();
  await expect(comments.getByLabel('Ny kommentar')).toHaveAttribute('aria-invalid', 'true');
  await expect(comments.getByRole('alert')).toContainText('Må fylles ut.');
  await comments.getByLabel('Ny kommentar').fill('Kunden vil signere likevel');
  await comments.getByRole('button', { name: 'Legg til kommentar' }).click();
  await expect(comments.getByRole('listitem').filter({ hasText: 'Kunden vil signere likevel' })).toContainText('customer-service');
  await expectAccessible(page);

  // the consent restarted: a second attempt, the order waiting on hold again
  const handle = page.getByRole('region', { name: 'Behandle ordren' });
  await handle.getByRole('button', { name: 'Start samtykket på nytt' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('venter');
  await expect(consents.getByRole('row')).toHaveCount(3);
  await expect(handle.getByRole('button', { name: 'Start samtykket på nytt' })).toHaveCount(0);

  // cancelled: a reason is required (refused at the field), then the order is cancelled and can no longer be handled
  await handle.getByRole('button', { name: 'Kanseller ordren' }).click();
  await expect(handle.getByLabel('Hvorfor kanselleres ordren')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await handle.getByLabel('Hvorfor kanselleres ordren').fill('Kunden angret');
  await handle.getByRole('button', { name: 'Kanseller ordren' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('kansellert');
  await expect(page.getByRole('region', { name: 'Behandle ordren' })).toHaveCount(0);
  await expectAccessible(page);

  // in English the screen says the same
  await page.getByText('English').click();
  await expect(page.getByTestId('order-status')).toHaveText('cancelled');
  await expect(page.getByRole('region', { name: 'Process log' })).toBeVisible();
  await page.getByText('Norsk').click();
});

test('an order whose start of supply Elhub rejected: the request, Elhub\'s code and what to do', async ({ page }) => {
  await page.goto(`/contract-orders/${fixture.rejectedOrder}`);
  await signIn(page, 'customer-service');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Ordre ${fixture.rejectedOrder}`);
  await expect(page.getByTestId('order-status')).toHaveText('stoppet');
  await expect(page.getByRole('list', { name: 'Ordrens steg' }).locator('[aria-current="step"]')).toContainText('Import');
  await expect(page.getByRole('region', { name: 'Import' })).toContainText('START_OF_SUPPLY_REJECTED');
  const supply = page.getByRole('region', { name: 'Leveringsstart hos Elhub' });
  await expect(supply.getByTestId('supply-status')).toHaveText('Avvist av Elhub');
  await expect(supply).toContainText('BRS-NO-101');
  await expect(supply).toContainText('Elhubs svar: E59');
  await expect(supply.getByTestId('supply-action')).toHaveText('Gjør dette: talk to the customer before ordering again');
  // the messages to and from Elhub for the metering point (the request sent, the rejection polled)
  await expect(supply.getByRole('table')).toBeVisible();
  // a rejected start of supply is not restarted here: the order can only be cancelled
  await expect(page.getByRole('button', { name: 'Start samtykket på nytt' })).toHaveCount(0);
  await expectAccessible(page);
});
