/**
 * The application's today. The application has its own clock (an injected `Clock`, fixed at 15 March 2026 in the
 * browser tests, movable in a test environment), and the API says its today in the answers that depend on it
 * (`asOf` of a metering point and of the customer 360, `today` of the receivables figures). A default day or month
 * that means "today" or "last month" is taken from that, never from the browser's clock, which may be another day.
 */

/** Today in Oslo by the browser's clock: only while the API has not said its today (an answer without `asOf`). */
export function browserToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The application's today as an answer of the API says it (`asOf`, `today`), else the browser's (see {@link browserToday}). */
export function todayOf(apiToday: string | undefined): string {
  return apiToday && /^\d{4}-\d{2}-\d{2}$/.test(apiToday) ? apiToday : browserToday();
}

/** The month before the one the day falls in: `2026-03-15` → `2026-02`, `2026-01-31` → `2025-12`. */
export function lastMonthOf(today: string): string {
  const [year, month] = today.split('-').map(Number);
  const d = new Date(Date.UTC(year ?? 2000, (month ?? 1) - 2, 1));
  return d.toISOString().slice(0, 7);
}
