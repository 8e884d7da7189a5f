import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { decimal, formatTariffAmount, isStale } from './parts';

describe('tariff amounts', () => {
  it('reads a decimal typed the Norwegian way', () => {
    expect(decimal('0,059')).toBe(0.059);
    expect(decimal(' 1 234,5 ')).toBe(1234.5);
    expect(decimal('0.049')).toBe(0.049);
    expect(decimal('-0,1')).toBe(-0.1);
  });

  it('sends nothing for what is not a number, so the API names the field', () => {
    expect(decimal('')).toBeUndefined();
    expect(decimal('abc')).toBeUndefined();
    expect(decimal('1,2,3')).toBeUndefined();
  });

  it('shows the decimals a price has, at least two, up to six', () => {
    expect(formatTariffAmount(0.049)).toBe('0,049\u00a0kr');
    expect(formatTariffAmount(39)).toBe('39,00\u00a0kr');
    expect(formatTariffAmount(0.123456)).toBe('0,123456\u00a0kr');
    expect(formatTariffAmount(undefined)).toBe('–');
  });
});

describe('a stale version', () => {
  it('is a 409 naming version.stale, not any conflict', () => {
    expect(isStale(new ApiError(409, { violations: [{ field: 'version', rule: 'version.stale' }] }))).toBe(true);
    expect(isStale(new ApiError(409, { violations: [{ field: 'validFrom', rule: 'history.beforeLatest' }] }))).toBe(false);
    expect(isStale(new Error('x'))).toBe(false);
  });
});
