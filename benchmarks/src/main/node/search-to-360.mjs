// Staff search to customer 360 in headless Chromium: sign in once, then for each phone number type it into the home
// search box, wait for the hit, press Enter, and time until the customer 360 is fully shown (every part loaded).
// Run by WebUiSearchBenchmark (java -jar benchmarks/target/cis-benchmarks.jar web-ui-search).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(`${process.env.WEB_UI}/package.json`);
const { chromium } = require('@playwright/test');

const base = process.env.BASE_URL;
const phones = readFileSync(process.env.PHONES, 'utf8').trim().split('\n');
const warmUp = Number(process.env.WARM_UP ?? 10);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ locale: 'nb-NO', reducedMotion: 'reduce' });
await page.goto(`${base}/`);
await page.getByLabel('Brukernavn').fill('customer-service');
await page.getByLabel('Passord').fill('local-secret');
await page.getByRole('button', { name: 'Logg inn' }).click();
const search = page.getByRole('searchbox', { name: 'Søk etter kunde' });
await search.waitFor();

const times = [];
for (const [i, phone] of phones.entries()) {
  await page.goto(`${base}/`);
  await search.fill(phone);
  await page.locator('table a[href^="/customers/"]').first().waitFor();
  const start = performance.now();
  await search.press('Enter');
  await page.locator('[data-screen="customer-360"][data-busy="false"]').waitFor();
  const ms = performance.now() - start;
  if (i >= warmUp) times.push(ms);
}
await browser.close();

times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
console.log(JSON.stringify({ count: times.length, p50: at(50), p95: at(95), max: times[times.length - 1] }));
