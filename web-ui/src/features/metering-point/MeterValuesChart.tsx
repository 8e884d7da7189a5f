import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import { Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatKwh } from '../../lib/format';
import { Refusal } from '../../components/Refusal';
import { DateField } from '../../components/DateField';

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const clock = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });

/** A day's meter values (quarter-hours or hours) as bars, with the spot price beside them as a line. */
export function MeterValuesChart({ meteringPointId, initialDay }: { meteringPointId: string; initialDay: string }) {
  const { t } = useI18n();
  const [day, setDay] = useState(initialDay);
  const values = useQuery({
    queryKey: ['metering-points', meteringPointId, 'meter-values', day],
    queryFn: async () => data(await api.GET('/api/v1/metering-points/{meteringPointId}/meter-values', {
      params: { path: { meteringPointId }, query: { from: day, to: nextDay(day) } },
    })),
  });
  const prices = values.data?.spotPrices ?? [];
  const priceAt = (start?: string) => {
    const at = start ? Date.parse(start) : NaN;
    return prices.find((p) => p.start && p.end && Date.parse(p.start) <= at && at < Date.parse(p.end))?.nokPerKwh;
  };
  const rows = (values.data?.values ?? []).map((v) => ({ time: v.start ? clock.format(new Date(v.start)) : '', kwh: v.kwh ?? 0, price: priceAt(v.start) ?? null }));
  return (
    <section aria-labelledby="meter-values">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="meter-values">{t.meterValues}</Title>
        <DateField label={t.day} value={day} onChange={(d) => d && setDay(d)} />
      </Group>
      {values.isError && <Refusal error={values.error} />}
      {values.isSuccess && rows.length === 0 && <Text size="sm">{t.noMeterValues}</Text>}
      {rows.length > 0 && (
        <>
          <Text size="sm" my="xs">{t.meterValuesTotal(formatKwh(values.data?.totalKwh), rows.length)}</Text>
          <div role="img" aria-label={t.meterValuesChart(formatKwh(values.data?.totalKwh))}>
            <CompositeChart h={260} data={rows} dataKey="time" withRightYAxis withLegend
              series={[
                { name: 'kwh', label: t.consumptionKwh, color: 'blue.8', type: 'bar' },
                { name: 'price', label: t.spotPriceNok, color: 'orange.8', type: 'line', yAxisId: 'right' },
              ]}
              rightYAxisLabel="kr/kWh" yAxisLabel="kWh" />
          </div>
        </>
      )}
    </section>
  );
}
