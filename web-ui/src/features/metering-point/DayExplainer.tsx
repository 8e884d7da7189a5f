import { Alert, Badge, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatKroner, formatKronerPrecise, formatKwh, formatNokPerKwh } from '../../lib/format';
import { Refusal } from '../../components/Refusal';

type Interval = components['schemas']['IntervalResponse'];

const hhmm = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'shortOffset' });
const zoneOf = (d: Date) => offset.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';

/**
 * "HH:mm–HH:mm" in Oslo time (a DST day has 23 or 25 hours, so the clock is read, not counted). On the day the clocks
 * go back, the hour that comes twice is told apart by its UTC offset: "02:00–02:00 (GMT+2)", "02:00–03:00 (GMT+1)".
 */
export function clockSpan(start?: string, end?: string): string {
  if (!start || !end) return '';
  const from = new Date(start);
  const to = new Date(end);
  const span = `${hhmm.format(from)}–${hhmm.format(to)}`;
  const day = new Date(from);
  const noon = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10));
  const midnight = new Date(noon.getTime() - 11 * 3_600_000);
  const ambiguous = zoneOf(midnight) === 'GMT+2' && zoneOf(noon) === 'GMT+1';
  const inFold = ambiguous && (hhmm.format(from).startsWith('02') || hhmm.format(to).startsWith('02') || hhmm.format(from).startsWith('03'));
  return inFold ? `${span} (${zoneOf(from)})` : span;
}

/** Covered whole, in part (the interval that filled the cap), or not (above the cap, or no scheme). */
export function coverage(i: Interval): 'whole' | 'part' | 'none' {
  const kwh = i.kwh ?? 0;
  const covered = i.coveredKwh ?? 0;
  if (covered <= 0) return 'none';
  return covered < kwh ? 'part' : 'whole';
}

/**
 * The cost explainer: for one day, each hour (the law's hour; quarter-hours where the rules say so) with consumption,
 * spot price, the part inside the month's cap and its compensation — summing to the day, as the days sum to the invoice line.
 */
export function DayExplainer({ meteringPointId, day, monthAmount }: { meteringPointId: string; day: string; monthAmount?: number }) {
  const { t } = useI18n();
  const why = useQuery({
    queryKey: ['metering-points', meteringPointId, 'settlement-day', day],
    queryFn: async () => data(await api.GET('/api/v1/metering-points/{meteringPointId}/settlement-days/{day}', {
      params: { path: { meteringPointId, day } },
    })),
  });
  // nothing to explain (no meter values or no scheme that month) is not a failure
  if (why.isError && why.error instanceof ApiError && why.error.status === 404) return <Text size="sm">{t.nothingToExplain}</Text>;
  if (why.isError) return <Refusal error={why.error} />;
  if (!why.data) return null;
  const w = why.data;
  return (
    <section aria-labelledby="explainer">
      <Title order={3} size="h5" id="explainer">{t.explainerTitle(formatDate(w.day))}</Title>
      <Text size="sm">
        {t.explainerIntro(formatKwh(w.monthToDateBeforeKwh), formatKwh(w.capKwh), formatNokPerKwh(w.referencePrice),
          w.settledPer === 'PT60M' ? t.perHour : t.perQuarterHour)}
      </Text>
      {w.storedSettlement === 'DIFFERS' && <Alert color="orange" title={t.explainerChanged} mt="xs">{t.explainerChangedText}</Alert>}
      {w.storedSettlement === 'NOT_SETTLED' && <Text size="sm" mt="xs">{t.explainerNotBilled}</Text>}
      <Table striped mt="xs">
        <Table.Thead>
          <Table.Tr><Table.Th>{t.time}</Table.Th><Table.Th>{t.consumption}</Table.Th><Table.Th>{t.spotPrice}</Table.Th><Table.Th>{t.covered}</Table.Th><Table.Th>{t.monthToDate}</Table.Th><Table.Th>{t.amount}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(w.intervals ?? []).map((i) => {
            const c = coverage(i);
            return (
              <Table.Tr key={i.start}>
                <Table.Td>{clockSpan(i.start, i.end)}</Table.Td>
                <Table.Td>{formatKwh(i.kwh)}</Table.Td>
                <Table.Td>{formatNokPerKwh(i.spotPrice)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c === 'whole' ? 'green' : c === 'part' ? 'yellow' : 'gray'} c="dark">{t.coverage[c]}</Badge>{' '}
                  {c === 'part' ? formatKwh(i.coveredKwh) : null}
                </Table.Td>
                <Table.Td>{formatKwh(i.monthToDateKwh)}</Table.Td>
                <Table.Td>{formatKronerPrecise(i.amount)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t.dayTotal}</Table.Th><Table.Th>{formatKwh(w.actualKwh)}</Table.Th><Table.Th />
            <Table.Th>{formatKwh(w.coveredKwh)}</Table.Th><Table.Th /><Table.Th data-testid="day-amount">{formatKronerPrecise(w.amount)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {monthAmount !== undefined && <Text size="sm" mt="xs">{t.explainerMonth(formatKroner(monthAmount))}</Text>}
    </section>
  );
}
