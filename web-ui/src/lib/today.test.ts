import { describe, expect, it } from 'vitest';
import { browserToday, lastMonthOf, todayOf } from './today';

describe("the application's today", () => {
  it('is the day the API says, not the browser’s', () => {
    expect(todayOf('2026-03-15')).toBe('2026-03-15');
  });

  it('falls back to the browser’s day in Oslo only when the answer has none', () => {
    expect(todayOf(undefined)).toBe(browserToday());
    expect(todayOf('')).toBe(browserToday());
  });

  it('counts the browser’s day in Oslo, not UTC', () => {
    // 23:30 UTC on 31 January is already 1 February in Oslo (UTC+1)
    expect(browserToday(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (UTC+2)
    expect(browserToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('makes last month of it, across a year', () => {
    expect(lastMonthOf('2026-03-15')).toBe('2026-02');
    expect(lastMonthOf('2026-03-01')).toBe('2026-02');
    expect(lastMonthOf('2026-01-31')).toBe('2025-12');
    expect(lastMonthOf('2026-12-02')).toBe('2026-11');
  });
});
