import { describe, expect, it } from 'vitest';
import { formatDateText, parseDateText } from './dateText';

describe('the date field writes a day in the UI language', () => {
  it('bokmål: two-digit day and month with dots', () => {
    expect(formatDateText('2026-04-01', 'nb')).toBe('01.04.2026');
    expect(formatDateText('2026-12-31', 'nb')).toBe('31.12.2026');
  });

  it('English: the day, the short month name, the year', () => {
    expect(formatDateText('2026-04-01', 'en')).toBe('1 Apr 2026');
    expect(formatDateText('2026-12-31', 'en')).toBe('31 Dec 2026');
    expect(formatDateText('2027-05-09', 'en')).toBe('9 May 2027');
  });

  it('nothing (or not an ISO day) is an empty field', () => {
    expect(formatDateText('', 'nb')).toBe('');
    expect(formatDateText(null, 'en')).toBe('');
    expect(formatDateText('01.04.2026', 'nb')).toBe('');
  });
});

describe('the date field reads what was typed', () => {
  it('day first with dots, with or without leading zeros', () => {
    expect(parseDateText('01.04.2026')).toBe('2026-04-01');
    expect(parseDateText('1.4.2026')).toBe('2026-04-01');
    expect(parseDateText(' 31.12.2026 ')).toBe('2026-12-31');
  });

  it('ISO, as the API writes it', () => {
    expect(parseDateText('2026-04-01')).toBe('2026-04-01');
    expect(parseDateText('2026-4-1')).toBe('2026-04-01');
  });

  it('the month by name in either language, as the field shows it in English', () => {
    expect(parseDateText('1 Apr 2026')).toBe('2026-04-01');
    expect(parseDateText('1. april 2026')).toBe('2026-04-01');
    expect(parseDateText('17. mai 2026')).toBe('2026-05-17');
    expect(parseDateText('17 May 2026')).toBe('2026-05-17');
    expect(parseDateText('24. des. 2026')).toBe('2026-12-24');
    expect(parseDateText('24 December 2026')).toBe('2026-12-24');
    expect(parseDateText('3 okt 2026')).toBe('2026-10-03');
  });

  it('what the field writes it reads back to the same day', () => {
    for (const iso of ['2026-01-01', '2026-02-28', '2028-02-29', '2026-09-09', '2026-12-31']) {
      expect(parseDateText(formatDateText(iso, 'nb'))).toBe(iso);
      expect(parseDateText(formatDateText(iso, 'en'))).toBe(iso);
    }
  });

  it('no day for a day that does not exist: 31 April, 29 February in a common year, month 13, day 0', () => {
    expect(parseDateText('31.04.2026')).toBeNull();
    expect(parseDateText('29.02.2026')).toBeNull();
    expect(parseDateText('29.02.2028')).toBe('2028-02-29');   // 2028 is a leap year
    expect(parseDateText('01.13.2026')).toBeNull();
    expect(parseDateText('00.04.2026')).toBeNull();
    expect(parseDateText('2026-02-30')).toBeNull();
  });

  it('no day while it is half typed, nor for what could be read two ways', () => {
    expect(parseDateText('')).toBeNull();
    expect(parseDateText('01.04.')).toBeNull();
    expect(parseDateText('01.04.20')).toBeNull();      // not the year 20
    expect(parseDateText('2026-04')).toBeNull();
    expect(parseDateText('04/01/2026')).toBeNull();    // 4 January or 1 April: not guessed
    expect(parseDateText('1 smarch 2026')).toBeNull();
  });
});
