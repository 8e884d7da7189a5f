import { defineConfig } from '@playwright/test';

// Run by api-gateway's WebUiBrowserTest against the real application (BASE_URL), in Debian's Chromium: Playwright's
// own browser download does not work on our machines. The flags keep Chromium off the network it cannot reach.
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // E2E_GREP=billing runs only the matching tests (while working on one screen; the build runs them all)
  grep: process.env.E2E_GREP ? new RegExp(process.env.E2E_GREP) : undefined,
  outputDir: 'test-results',
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:8080',
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    // no animations: axe judges what is on screen, not a dialog half faded out (the UI honours the user's setting)
    reducedMotion: 'reduce',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
});
