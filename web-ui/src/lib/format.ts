// Norwegian formats for what staff read all day: 1 234,56 kr · 12,345 kWh · 01.10.2025.
// Intl writes the thousands separator as a no-break space (U+00A0), so an amount never wraps between its digits.

const kroner = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' });
const kronerPrecise = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 4, maximumFractionDigits: 4, signDisplay: 'negative' });
const perKwh = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 5, signDisplay: 'negative' });
const kwh = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** An amount in NOK with two decimals: 1234.5 → "1 234,50 kr" (no-break spaces). */
export function formatKroner(amount: number | string | undefined | null): string {
  if (amount === undefined || amount === null || amount === '') return '–';
  return `${kroner.format(Number(amount))}\u00a0kr`;
}

/** An amount to four decimals, as the settlement's days and hours are (their sum is rounded once, on the invoice). */
export function formatKronerPrecise(amount: number | string | undefined | null): string {
  if (amount === undefined || amount === null || amount === '') return '–';
  return `${kronerPrecise.format(Number(amount))}\u00a0kr`;
}

/** A price per kWh with the decimals it has (2 to 5): 1.2 → "1,20 kr/kWh", 0.98765 → "0,98765 kr/kWh". */
export function formatNokPerKwh(price: number | string | undefined | null): string {
  if (price === undefined || price === null || price === '') return '–';
  return `${perKwh.format(Number(price))}\u00a0kr/kWh`;
}

/** Energy in kWh with three decimals: 12.345 → "12,345 kWh". */
export function formatKwh(energy: number | string | undefined | null): string {
  if (energy === undefined || energy === null || energy === '') return '–';
  return `${kwh.format(Number(energy))}\u00a0kWh`;
}

/** An ISO date (2025-10-01) as 01.10.2025, without going through a time zone. */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** An instant as the Norwegian date and time in Oslo: 2026-03-15T11:00:00Z → "15.03.2026 12:00". */
export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '–';
  const parts = new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
}

/** A period [from, to) as staff read it: "01.10.2025 – 31.10.2025" (the last day included), or "fra 01.10.2025". */
export function formatPeriod(from: string | undefined, to: string | undefined | null, since: string): string {
  if (!to) return `${since} ${formatDate(from)}`;
  const last = new Date(`${to}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return `${formatDate(from)} – ${formatDate(last.toISOString().slice(0, 10))}`;
}

/** A Norwegian mobile number as it is said: +4791234567 → "+47 912 34 567"; anything else as given. */
export function formatPhone(phone: string | undefined | null): string {
  if (!phone) return '–';
  const m = /^(\+47)?(\d{3})(\d{2})(\d{3})$/.exec(phone.replace(/\s/g, ''));
  if (!m) return phone;
  return `${m[1] ? '+47 ' : ''}${m[2]} ${m[3]} ${m[4]}`;
}
