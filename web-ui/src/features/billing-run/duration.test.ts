import { describe, expect, it } from 'vitest';
import { en, nb } from '../../i18n/messages';

describe("a billing run's time left in words", () => {
  it('seconds, minutes and seconds, hours and minutes', () => {
    expect(nb.formatDuration(45)).toBe('45 s');
    // 1 080 s = 18 min 0 s; 3 725 s = 1 h 2 min (5 s dropped)
    expect(nb.formatDuration(1_080)).toBe('18 min 0 s');
    expect(nb.formatDuration(3_725)).toBe('1 t 2 min');
    expect(en.formatDuration(3_725)).toBe('1 h 2 min');
  });

  it('customers done of the total, or without one for runs from before it was counted', () => {
    expect(nb.customersDone(3, 10)).toBe('3 av 10 kunder ferdig');
    expect(nb.customersDone(3, undefined)).toBe('3 kunder ferdig');
    expect(en.customersDone(1, 1)).toBe('1 of 1 customers done');
  });
});
