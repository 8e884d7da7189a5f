import { describe, expect, it } from 'vitest';
import { monthPeriod, monthsUpTo } from './queries';

describe('the months the dashboard asks for', () => {
  it('a month as the half-open period of its days', () => {
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(monthPeriod('2025-12')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  });

  it('the months up to one, oldest first, across a new year', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsUpTo('2026-12', 1)).toEqual(['2026-12']);
  });
});
