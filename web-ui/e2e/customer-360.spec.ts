import { expect, test } from '@playwright/test';
import { expectAccessible, fixture, signIn } from './support';

test('a shared link to a customer asks for login and comes back to the customer', async ({ page }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  // not signed in: the application's login page (OpenID Connect, authorization code + PKCE)
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
  await signIn(page, 'customer-service');
  await expect(page).toHaveURL(new RegExp(`/customers/${fixture.customerNumber}$`));
  await expect(page.getByRole('heading', { level: 1, name: fixture.name })).toBeVisible();
  // the metering point, the delivery and the balance of the invoice, in Norwegian formats
  await expect(page.getByRole('region', { name: 'Målepunkter' }).getByText(fixture.meteringPointId)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kontrakter og leveranser' }).getByText('fra 01.01.2026')).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('1\u00a0180,00\u00a0kr');
  await expect(page.getByText('Betalingskanal')).toBeVisible();
  // the switch on its way, with its stage
  await expect(page.getByRole('region', { name: 'Bestillinger' })).toContainText('Leverandørbytte');
  await expect(page.getByRole('region', { name: 'Bestillinger' })).toContainText(/Valider og legg til|På vent/);
  await expect(page.getByRole('region', { name: 'Kontaktlogg' }).getByText('Spurte om fakturaen')).toBeVisible();
  await expectAccessible(page);
});

test('the search box finds a customer by phone as typed, and Enter opens the customer', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service');
  const search = page.getByRole('searchbox', { name: 'Søk etter kunde' });
  await expect(search).toBeFocused();
  // the queues at a glance: Elhub's for customer service; the payment queue is accounting's, and the screen says so
  await expect(page.getByTestId('open-work-items')).toHaveText(/^\d+$/);
  await expect(page.getByRole('region', { name: 'Innbetalinger som venter på manuell avstemming' }))
    .toContainText('Dette krever rollen fakturering eller administrator.');
  await expectAccessible(page);
  await search.fill(fixture.phone);
  await expect(page.getByText('Søker på telefon')).toBeVisible();
  await expect(page.getByRole('link', { name: fixture.customerNumber })).toBeVisible();
  await expectAccessible(page);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/customers/${fixture.customerNumber}$`));
  await expect(page.getByRole('heading', { level: 1, name: fixture.name })).toBeVisible();
});

test('the search box finds a customer by the address of their metering point, typed in lower case', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service');
  const search = page.getByRole('searchbox', { name: 'Søk etter kunde' });
  await search.fill(`${fixture.street.toLowerCase()}, 5700 voss`);
  await expect(page.getByText('Søker på adresse')).toBeVisible();
  await expect(page.getByText('1 kunde', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: fixture.customerNumber })).toBeVisible();
  await expectAccessible(page);
});

test('a session that has timed out sends the user to log in and back to the same screen', async ({ page, context }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'customer-service');
  await expect(page.getByRole('heading', { level: 1, name: fixture.name })).toBeVisible();
  // an hour later: the access token has expired, and so has the provider's own session (its cookie)
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))) {
      const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { expires_at?: number };
      user.expires_at = Math.floor(Date.now() / 1000) - 60;
      sessionStorage.setItem(key, JSON.stringify(user));
    }
  });
  // nothing in flight that could bring the provider's session cookie back, then none left
  await page.waitForLoadState('networkidle');
  await context.clearCookies();
  expect(await context.cookies()).toHaveLength(0);
  await page.goto('/');
  await signIn(page, 'customer-service');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('searchbox', { name: 'Søk etter kunde' })).toBeVisible();
});

test('a wrong password is refused on the login page, next to the fields', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service', 'wrong-secret');
  await expect(page.getByRole('alert')).toHaveText('Feil brukernavn eller passord.');
  await expect(page.getByLabel('Brukernavn')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('English on request, and signing out ends the session', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'customer-service');
  await expect(page.getByRole('heading', { level: 1, name: 'Søk etter kunde' })).toBeVisible();
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search for a customer' })).toBeVisible();
  await expectAccessible(page);
  await page.getByText('Norsk').click();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  // signed out at the issuer too: the next visit asks for the password again
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  await page.goto(`/customers/${fixture.customerNumber}`);
  await expect(page).toHaveURL(/\/login/);
});

test('customer service sees the national ID in full, the billing role only its birth-date part', async ({ page }) => {
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'customer-service');
  await expect(page.getByText(fixture.nationalId, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  // signed out at the provider: its login page is shown before anything else happens
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  await page.goto(`/customers/${fixture.customerNumber}`);
  await signIn(page, 'billing');
  await expect(page.getByRole('heading', { level: 1, name: fixture.name })).toBeVisible();
  await expect(page.getByText(`${fixture.nationalId.slice(0, 6)}*****`, { exact: true })).toBeVisible();
  await expect(page.getByText(fixture.nationalId, { exact: true })).toHaveCount(0);
});
