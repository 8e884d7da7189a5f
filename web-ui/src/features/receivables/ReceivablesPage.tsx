import '@mantine/charts/styles.css';
import { AreaChart, BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Card, Grid, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { components } from '../../api/schema';
import { Refusal } from '../../components/Refusal';
import { MonthField } from '../../components/MonthField';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatKroner } from '../../lib/format';
import { browserToday, lastMonthOf, todayOf } from '../../lib/today';
import { useTitle } from '../../lib/useTitle';
import { monthsUpTo, receivablesQueries } from './queries';

type Figures = components['schemas']['ReceivablesFigures'];

const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 });
const days = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
const kroner = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

/**
 * The receivables dashboard of a month (`?month=2026-02`): DSO over the last 12 months, aging, paid on time, digital
 * share and the 60-day forecast — as charts, each with its figures in words for those who do not see it.
 */
export default function ReceivablesPage() {
  const { t } = useI18n();
  useTitle(t.receivables);
  const [params, setParams] = useSearchParams();
  const asked = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '') ? params.get('month')! : undefined;
  // Without a month, last month (its figures are whole once it is over) by the application's today, which only the
  // figures say (`today`): asked first for the browser's last month, then, if the application's is another (a test or
  // demo clock), for that one. With the two clocks on the same day it is the same query, asked once.
  const guess = asked ?? lastMonthOf(browserToday());
  const first = useQuery(receivablesQueries.figures(guess));
  const month = asked ?? (first.data?.today ? lastMonthOf(todayOf(first.data.today)) : guess);
  const figures = useQuery(receivablesQueries.figures(month));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t.receivables}</Title>
        <MonthField label={t.month} value={month} onChange={(m) => m && setParams({ month: m }, { replace: true })} />
      </Group>
      {figures.isPending && <Loader aria-label={t.loading} />}
      {figures.isError && <Refusal error={figures.error} />}
      {figures.isSuccess && <Dashboard month={month} f={figures.data} />}
    </Stack>
  );
}

function Dashboard({ month, f }: { month: string; f: Figures }) {
  const { t } = useI18n();
  return (
    <>
      <Text size="sm" c="dimmed">{t.receivablesAsOf(formatDate(f.from), formatDate(f.to))}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <KeyFigure label={t.dso} value={f.dso?.value === undefined ? '–' : `${days.format(f.dso.value)} ${t.daysUnit}`} testId="dso" />
        <KeyFigure label={t.openReceivables} value={formatKroner(f.aging?.open)} testId="open" />
        <KeyFigure label={t.overdueReceivables} value={formatKroner(f.aging?.overdue)} testId="overdue" />
      </SimpleGrid>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}><Card withBorder h="100%"><DsoOverTime month={month} /></Card></Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}><Card withBorder h="100%"><AgingChart f={f} /></Card></Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}><Card withBorder h="100%"><PaidOnTime f={f} /></Card></Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}><Card withBorder h="100%"><DigitalShare f={f} /></Card></Grid.Col>
        <Grid.Col span={12}><Card withBorder><ForecastChart f={f} /></Card></Grid.Col>
      </Grid>
    </>
  );
}

function KeyFigure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder>
      <Text size="sm">{label}</Text>
      <Text fw={700} size="xl" data-testid={testId}>{value}</Text>
    </Card>
  );
}

/** DSO month by month: one call of the figures per month (the API computes a period at a time). */
function DsoOverTime({ month }: { month: string }) {
  const { t } = useI18n();
  const months = monthsUpTo(month, 12);
  const results = useQueries({ queries: months.map((m) => receivablesQueries.figures(m)) });
  const error = results.find((r) => r.isError)?.error;
  const rows = months.map((m, i) => ({ month: m, dso: results[i]?.data?.dso?.value ?? null }));
  const known = rows.filter((r) => r.dso !== null);
  const summary = known.length === 0 ? t.dsoNone
    : t.dsoSummary(known.map((r) => `${r.month}: ${days.format(r.dso as number)}`).join(', '));
  return (
    <section aria-labelledby="dso-chart">
      <Title order={2} size="h4" id="dso-chart">{t.dsoOverTime}</Title>
      {error ? <Refusal error={error} /> : results.some((r) => r.isPending) ? <Loader aria-label={t.loading} /> : (
        <div role="img" aria-label={summary} data-testid="dso-chart">
          <LineChart h={220} data={rows} dataKey="month" connectNulls withDots
            series={[{ name: 'dso', label: t.dso, color: 'blue.8' }]} yAxisLabel={t.daysUnit}
            valueFormatter={(v) => days.format(v)} />
        </div>
      )}
    </section>
  );
}

function AgingChart({ f }: { f: Figures }) {
  const { t } = useI18n();
  const rows = (f.aging?.buckets ?? []).map((b) => ({ bucket: t.agingBuckets[b.bucket ?? ''] ?? b.bucket ?? '', amount: b.amount ?? 0, invoices: b.invoices ?? 0 }));
  const summary = t.agingSummary(rows.map((r) => `${r.bucket}: ${formatKroner(r.amount)} (${r.invoices})`).join(', '));
  return (
    <section aria-labelledby="aging-chart">
      <Title order={2} size="h4" id="aging-chart">{t.aging}</Title>
      <div role="img" aria-label={summary} data-testid="aging-chart">
        <BarChart h={220} data={rows} dataKey="bucket" series={[{ name: 'amount', label: t.amount, color: 'orange.8' }]}
          valueFormatter={(v) => `${kroner.format(v)} kr`} />
      </div>
    </section>
  );
}

function PaidOnTime({ f }: { f: Figures }) {
  const { t } = useI18n();
  const p = f.paidOnTime ?? {};
  const rows = [
    { what: t.paidByDueDate, share: p.paidByDueDateShare === undefined ? 0 : p.paidByDueDateShare * 100 },
    { what: t.paidBeforeNotice, share: p.paidBeforeNoticeShare === undefined ? 0 : p.paidBeforeNoticeShare * 100 },
  ];
  const share = (v: number | undefined) => (v === undefined ? '–' : percent.format(v));
  const summary = t.paidOnTimeSummary(share(p.paidByDueDateShare), p.paidByDueDate ?? 0, p.invoicesDue ?? 0,
    share(p.paidBeforeNoticeShare), p.paidBeforeNotice ?? 0, p.invoicesPastNoticeDay ?? 0);
  return (
    <section aria-labelledby="paid-on-time">
      <Title order={2} size="h4" id="paid-on-time">{t.paidOnTime}</Title>
      <Text size="sm" data-testid="paid-on-time">{summary}</Text>
      <div role="img" aria-label={summary}>
        <BarChart h={180} data={rows} dataKey="what" orientation="vertical" yAxisProps={{ width: 140 }}
          xAxisProps={{ domain: [0, 100] }} unit=" %" series={[{ name: 'share', label: t.share, color: 'teal.8' }]}
          valueFormatter={(v) => `${days.format(v)} %`} />
      </div>
    </section>
  );
}

const channelColours: Record<string, string> = { EMAIL: 'blue.8', SMS: 'grape.8', EHF: 'teal.8', PAPER: 'gray.7' };

function DigitalShare({ f }: { f: Figures }) {
  const { t } = useI18n();
  const d = f.deliveries ?? {};
  const rows = (d.byChannel ?? []).filter((c) => (c.deliveries ?? 0) > 0)
    .map((c) => ({ name: t.deliveryChannels[c.channel ?? ''] ?? c.channel ?? '', value: c.deliveries ?? 0, color: channelColours[c.channel ?? ''] ?? 'gray.6' }));
  const share = d.digitalShare === undefined ? '–' : percent.format(d.digitalShare);
  const summary = t.digitalSummary(share, d.digital ?? 0, d.total ?? 0, rows.map((r) => `${r.name}: ${r.value}`).join(', '));
  return (
    <section aria-labelledby="digital-share">
      <Title order={2} size="h4" id="digital-share">{t.digitalShare}</Title>
      <Text size="sm" data-testid="digital-share">{summary}</Text>
      {rows.length > 0 && (
        <div role="img" aria-label={summary}>
          <DonutChart h={180} data={rows} withLabels withLabelsLine chartLabel={share} tooltipDataSource="segment" />
        </div>
      )}
    </section>
  );
}

function ForecastChart({ f }: { f: Figures }) {
  const { t } = useI18n();
  const rows = (f.forecast?.days ?? []).map((d) => ({ day: formatDate(d.dueDate).slice(0, 5), amount: d.amount ?? 0 }));
  const summary = t.forecastSummary(formatKroner(f.forecast?.total), formatDate(f.forecast?.from));
  return (
    <section aria-labelledby="forecast">
      <Title order={2} size="h4" id="forecast">{t.forecast}</Title>
      <Text size="sm" data-testid="forecast">{summary}</Text>
      <div role="img" aria-label={summary} data-testid="forecast-chart">
        <AreaChart h={220} data={rows} dataKey="day" curveType="step" series={[{ name: 'amount', label: t.falling_due, color: 'blue.8' }]}
          valueFormatter={(v) => `${kroner.format(v)} kr`} />
      </div>
    </section>
  );
}
