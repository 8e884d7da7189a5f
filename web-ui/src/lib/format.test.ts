import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatKroner, formatKronerPrecise, formatKwh, formatNokPerKwh, formatPeriod, formatPhone } from './format';

const NBSP = '\u00a0';

describe('Norwegian formats', () => {
  it('writes kroner with a space between thousands and a decimal comma', () => {
    expect(formatKroner(1234.56)).toBe(`1${NBSP}234,56${NBSP}kr`);
    expect(formatKroner('74535627.44')).toBe(`74${NBSP}535${NBSP}627,44${NBSP}kr`);
    expect(formatKroner(-500)).toBe(`−500,00${NBSP}kr`);
    expect(formatKroner(0.5)).toBe(`0,50${NBSP}kr`);
    expect(formatKroner(undefined)).toBe('–');
  });

  it('writes energy with three decimals', () => {
    expect(formatKwh(12.345)).toBe(`12,345${NBSP}kWh`);
    expect(formatKwh(34.95)).toBe(`34,950${NBSP}kWh`);
    expect(formatKwh(1500)).toBe(`1${NBSP}500,000${NBSP}kWh`);
  });

  it('writes dates day first with dots, never shifted by a time zone', () => {
    expect(formatDate('2025-10-01')).toBe('01.10.2025');
    expect(formatDate('2026-03-29')).toBe('29.03.2026');
    expect(formatDate(null)).toBe('–');
  });

  it('writes instants in Oslo time, summer and winter', () => {
    expect(formatDateTime('2026-03-15T11:00:00Z')).toBe('15.03.2026 12:00');   // CET, +1
    expect(formatDateTime('2026-07-01T11:00:00Z')).toBe('01.07.2026 13:00');   // CEST, +2
  });

  it('writes a half-open period with its last day', () => {
    expect(formatPeriod('2025-10-01', '2025-11-01', 'fra')).toBe('01.10.2025 – 31.10.2025');
    expect(formatPeriod('2024-02-01', '2024-03-01', 'fra')).toBe('01.02.2024 – 29.02.2024');
    expect(formatPeriod('2026-01-01', null, 'fra')).toBe('fra 01.01.2026');
  });

  it('writes a mobile number in groups of three, two and three', () => {
    expect(formatPhone('+4791234567')).toBe('+47 912 34 567');
    expect(formatPhone('91234567')).toBe('912 34 567');
    expect(formatPhone('+46701234567')).toBe('+46701234567');
  });

  it('writes the settlement to four decimals and prices per kWh with their decimals', () => {
    expect(formatKronerPrecise(9.1875)).toBe(`9,1875${NBSP}kr`);
    expect(formatKronerPrecise(188.5)).toBe(`188,5000${NBSP}kr`);
    expect(formatNokPerKwh(1.2)).toBe(`1,20${NBSP}kr/kWh`);
    expect(formatNokPerKwh(0.98765)).toBe(`0,98765${NBSP}kr/kWh`);
    // a rounded-away negative amount is not "−0,00"
    expect(formatKroner(-0.001)).toBe(`0,00${NBSP}kr`);
  });
});
