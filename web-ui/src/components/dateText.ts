// A day as the date fields (components/DateField) write it and read what staff type. The value is always the ISO day
// the API takes ('2026-04-01'); only the text in the field follows the UI's language.

/** The UI's languages (i18n): bokmål writes 01.04.2026, English 1 Apr 2026. */
export type DateLanguage = 'nb' | 'en';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The month names (and their usual short forms) understood in either language, to the month's number. */
const MONTH_NAMES: Record<string, number> = {};
[
  ['januar', 'january', 'jan'], ['februar', 'february', 'feb'], ['mars', 'march', 'mar'], ['april', 'apr'],
  ['mai', 'may'], ['juni', 'june', 'jun'], ['juli', 'july', 'jul'], ['august', 'aug'],
  ['september', 'sep', 'sept'], ['oktober', 'october', 'okt', 'oct'], ['november', 'nov'], ['desember', 'december', 'des', 'dec'],
].forEach((names, i) => names.forEach((name) => { MONTH_NAMES[name] = i + 1; }));

/** The dayjs-style pattern the field shows, for its placeholder and the README: nb "DD.MM.YYYY", en "D MMM YYYY". */
export const DATE_PATTERNS: Record<DateLanguage, string> = { nb: 'DD.MM.YYYY', en: 'D MMM YYYY' };

/** '2026-04-01' as the field shows it: "01.04.2026" (nb), "1 Apr 2026" (en); anything not an ISO day as ''. */
export function formatDateText(iso: string | null | undefined, language: DateLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!match) return '';
  const [, year, month, day] = match;
  return language === 'en' ? `${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year}` : `${day}.${month}.${year}`;
}

/**
 * What was typed, as the ISO day, or null while it is not (yet) a whole, real day. Understood in either language
 * (staff paste and type all of these): day first with dots "1.4.2026" / "01.04.2026"; ISO "2026-04-01"; the month by
 * name "1. april 2026", "1 Apr 2026". The year has four digits, so a half-typed "01.04.20" is not the year 20; no
 * slashes, whose order (1/4 or 4/1) depends on who types.
 */
export function parseDateText(text: string): string | null {
  const typed = text.trim().replace(/\s+/g, ' ').toLowerCase();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (match) return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(typed);
  if (match) return isoDay(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\.? ([a-zæøå]+)\.? (\d{4})$/.exec(typed);
  const month = match ? MONTH_NAMES[match[2] ?? ''] : undefined;
  if (match && month) return isoDay(Number(match[3]), month, Number(match[1]));
  return null;
}

/** The ISO day, or null when there is no such day (31 April, 29 February 2026). */
function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
