import { describe, expect, it } from 'vitest';
import { clockSpan, coverage } from './DayExplainer';

describe('the cost explainer', () => {
  it('reads hours off the clock in Oslo, so a 23-hour day skips 02:00', () => {
    // 29 March 2026: midnight is 23:00Z the day before; the third hour starts at 01:00Z = 03:00 summer time
    expect(clockSpan('2026-03-28T23:00:00Z', '2026-03-29T00:00:00Z')).toBe('00:00–01:00');
    expect(clockSpan('2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z')).toBe('01:00–03:00');
    expect(clockSpan('2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z')).toBe('03:00–04:00');
  });

  it('tells apart the hour that comes twice on the day the clocks go back', () => {
    // 25 October 2026: 00:00Z is 02:00 summer time, 01:00Z is 02:00 winter time
    expect(clockSpan('2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z')).toBe('02:00–02:00 (GMT+2)');
    expect(clockSpan('2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z')).toBe('02:00–03:00 (GMT+1)');
    expect(clockSpan('2026-10-24T22:00:00Z', '2026-10-24T23:00:00Z')).toBe('00:00–01:00');
    expect(clockSpan('2026-10-25T10:00:00Z', '2026-10-25T11:00:00Z')).toBe('11:00–12:00');
  });

  it('says whether an hour was covered whole, in part (the cap filled in it) or not', () => {
    expect(coverage({ kwh: 10.5, coveredKwh: 10.5 })).toBe('whole');
    expect(coverage({ kwh: 10.5, coveredKwh: 2 })).toBe('part');
    expect(coverage({ kwh: 10.5, coveredKwh: 0 })).toBe('none');
    expect(coverage({ kwh: 0, coveredKwh: 0 })).toBe('none');
  });
});
