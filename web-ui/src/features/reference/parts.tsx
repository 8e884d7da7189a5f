import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';

type Price = components['schemas']['TariffPriceResponse'];

// a tariff price has up to six decimals (NOK excl. VAT): shown with as many as it has, at least two
const tariffAmount = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 6, signDisplay: 'negative' });

/** A tariff amount in NOK: 0.049 → "0,049 kr". */
export function formatTariffAmount(amount: number | undefined | null): string {
  return amount === undefined || amount === null ? '–' : `${tariffAmount.format(amount)}\u00a0kr`;
}

/** A decimal typed the Norwegian way ("0,059", "1 234,5") as the API's number; what is not one is sent as nothing, for the API to name. */
export function decimal(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  return s === '' || !/^-?\d+(\.\d+)?$/.test(s) ? undefined : Number(s);
}

/** The refusal is a stale version (someone changed the thing since it was read), not another rule. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && (error.problem.violations ?? []).some((v) => v.rule === 'version.stale');
}

/** A price's amount, or the price table it comes from (a link to its calculation). */
export function PriceAmount({ price }: { price: Price }) {
  const { t } = useI18n();
  if (price.priceCalculation !== undefined && price.priceCalculation !== null) {
    return <Anchor component={Link} to={`/admin/price-calculations/${price.priceCalculation}`}>{t.ref.priceTable(price.priceCalculation)}</Anchor>;
  }
  return <>{formatTariffAmount(price.amount)}</>;
}

/** What a tariff element's amount is per: a month for the fixed monthly part, else a kWh (a price table is per kWh too). */
export function priceUnit(kind: string | undefined, t: ReturnType<typeof useI18n>['t']): string {
  return kind === 'FIXED_MONTHLY' ? t.ref.perMonth : t.ref.perKwh;
}
