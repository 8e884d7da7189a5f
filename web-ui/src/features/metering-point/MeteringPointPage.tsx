import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatKroner, formatKwh, formatPeriod } from '../../lib/format';
import { NorgesprisDialog } from './NorgesprisDialog';
import { meteringPointQueries } from './queries';
import { DayExplainer } from './DayExplainer';
import { Refusal } from '../../components/Refusal';
import { MonthField } from '../../components/MonthField';
import { useTitle } from '../../lib/useTitle';
import { MeterValuesChart } from './MeterValuesChart';
import { SupplyProcesses } from '../supply-process/SupplyProcesses';
import { lastMonthOf, todayOf } from '../../lib/today';

type Property = components['schemas']['PropertyResponse'];

/**
 * A metering point: its master data with history, 888/870/900 with history, our supply processes and Norgespris at Elhub,
 * and the month's settlement.
 */
export default function MeteringPointPage() {
  const { t } = useI18n();
  const { meteringPointId = '' } = useParams();
  const point = useQuery(meteringPointQueries.detail(meteringPointId));
  useTitle(`${t.meteringPoint} ${meteringPointId}`);
  const [dialog, setDialog] = useState<'order' | 'cancel' | null>(null);

  if (point.isPending) return <Loader aria-label={t.loading} />;
  if (point.isError) {
    const e = point.error;
    return <Alert color="red" title={e instanceof ApiError && e.status === 404 ? t.meteringPointNotFound : t.failed}>{e.message}</Alert>;
  }
  const p = point.data;
  const c = p.characteristics;
  return (
    <Stack>
      <div>
        <Title order={1}>{t.meteringPoint} <Text span ff="monospace" inherit>{p.meteringPointId}</Text></Title>
        <Text>{c?.address ? `${c.address.street}, ${c.address.postcode} ${c.address.city}` : ''} · {p.gridOwner?.name} · {c?.priceArea}</Text>
      </div>
      <Card withBorder>
        <section aria-labelledby="characteristics">
          <Title order={2} size="h4" id="characteristics">{t.characteristics}</Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.period}</Table.Th><Table.Th>{t.priceArea}</Table.Th><Table.Th>{t.endUserGroup}</Table.Th>
                <Table.Th>{t.resolution}</Table.Th><Table.Th>{t.vatExempt}</Table.Th><Table.Th>{t.address}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(p.characteristicsHistory ?? []).map((v) => (
                <Table.Tr key={v.validFrom}>
                  <Table.Td>{formatPeriod(v.validFrom, v.validTo, t.from)}</Table.Td>
                  <Table.Td>{v.priceArea}</Table.Td>
                  <Table.Td>{v.endUserGroup} {v.endUserGroupDescription}</Table.Td>
                  <Table.Td>{v.resolution}</Table.Td>
                  <Table.Td>{v.vatExempt ? t.yes : t.no}</Table.Td>
                  <Table.Td>{v.address?.street}, {v.address?.postcode} {v.address?.city} ({v.address?.municipalityNumber})</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      </Card>
      <Card withBorder>
        <section aria-labelledby="properties">
          <Group justify="space-between">
            <Title order={2} size="h4" id="properties">{t.properties}</Title>
            <Group>
              <Button onClick={() => setDialog('order')}>{t.orderNorgespris}</Button>
              <Button variant="default" onClick={() => setDialog('cancel')}>{t.cancelNorgespris}</Button>
            </Group>
          </Group>
          <PropertyHistory history={p.propertyHistory ?? {}} />
        </section>
      </Card>
      <Card withBorder><SupplyProcesses meteringPointId={meteringPointId} /></Card>
      <Card withBorder><Commands meteringPointId={meteringPointId} /></Card>
      <Card withBorder><MeterValuesChartForMonth meteringPointId={meteringPointId} today={todayOf(p.asOf)} /></Card>
      <Card withBorder><Settlement meteringPointId={meteringPointId} today={todayOf(p.asOf)} /></Card>
      <NorgesprisDialog meteringPointId={meteringPointId} action={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function PropertyHistory({ history }: { history: Record<string, Property[]> }) {
  const { t } = useI18n();
  const rows = Object.entries(history).flatMap(([code, values]) => values.map((v) => ({ code, ...v })));
  return (
    <Table>
      <Table.Thead>
        <Table.Tr><Table.Th>{t.property}</Table.Th><Table.Th>{t.value}</Table.Th><Table.Th>{t.period}</Table.Th><Table.Th>{t.note}</Table.Th><Table.Th>{t.changed}</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((v) => (
          <Table.Tr key={`${v.code}-${v.validFrom}-${v.changedAt}`}>
            <Table.Td>{v.code}</Table.Td>
            <Table.Td><Badge variant="light" color="gray" c="dark">{v.value}</Badge> {t.meaning[v.meaning ?? ''] ?? v.meaning}</Table.Td>
            <Table.Td>{formatPeriod(v.validFrom, v.validTo, t.from)}</Table.Td>
            <Table.Td>{v.note}</Table.Td>
            <Table.Td>{formatDateTime(v.changedAt)} {v.changedBy}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Commands({ meteringPointId }: { meteringPointId: string }) {
  const { t } = useI18n();
  const commands = useQuery(meteringPointQueries.commands(meteringPointId));
  // the outbox carries market-process messages for the point too (start of supply, customer updates): this section is Norgespris's
  const items = (commands.data ?? []).filter((c) => c.kind === 'ORDER_NORGESPRIS' || c.kind === 'CANCEL_NORGESPRIS');
  return (
    <section aria-labelledby="elhub-commands">
      <Title order={2} size="h4" id="elhub-commands">{t.elhubCommands}</Title>
      {commands.isError && <Refusal error={commands.error} />}
      {commands.isSuccess && items.length === 0 && <Text size="sm">{t.noCommands}</Text>}
      {items.length > 0 && (
        <Table aria-live="polite">
          <Table.Thead>
            <Table.Tr><Table.Th>{t.command}</Table.Th><Table.Th>{t.fromDate}</Table.Th><Table.Th>{t.status}</Table.Th><Table.Th>{t.created}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.kind === 'ORDER_NORGESPRIS' ? t.orderNorgespris : t.cancelNorgespris}</Table.Td>
                <Table.Td>{formatDate(c.startDate)}</Table.Td>
                <Table.Td>
                  {t.commandStatus[c.status ?? ''] ?? c.status}
                  {c.lastError ? <Text size="sm" c="red.9">{c.lastError}</Text> : null}
                </Table.Td>
                <Table.Td>{formatDateTime(c.createdAt)} {c.createdBy}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

/** The meter values of the day being explained (or the month's first day; last month by the application's today). */
function MeterValuesChartForMonth({ meteringPointId, today }: { meteringPointId: string; today: string }) {
  const [params] = useSearchParams();
  const day = params.get('day') ?? `${params.get('month') ?? lastMonthOf(today)}-01`;  // the explained day, else the month's first
  return <MeterValuesChart key={day} meteringPointId={meteringPointId} initialDay={day} />;
}

/** The month's settlement day by day: the cost explainer's first part. */
function Settlement({ meteringPointId, today }: { meteringPointId: string; today: string }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const explained = params.get('day');
  // a link to a day names its month too; without either, last month (of the application's today: the month is whole then)
  const month = params.get('month') ?? explained?.slice(0, 7) ?? lastMonthOf(today);
  const settlement = useQuery(meteringPointQueries.settlement(meteringPointId, month));
  const s = settlement.data;
  return (
    <section aria-labelledby="settlement">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="settlement">{t.settlement}</Title>
        <MonthField label={t.month} value={month} onChange={(m) => m && setParams({ month: m })} />
      </Group>
      {settlement.isError && <Text size="sm">{settlement.error instanceof ApiError && settlement.error.status === 404 ? t.notBilledYet : settlement.error.message}</Text>}
      {s && (
        <>
          <Group gap="xl" my="sm">
            <div><Text size="sm">{t.consumption}</Text><Text fw={700}>{formatKwh(s.actualKwh)}</Text></div>
            {s.norgespris && <div><Text size="sm">Norgespris</Text><Text fw={700}>{formatKwh(s.norgespris.coveredKwh)} · {formatKroner(s.norgespris.amount)}</Text></div>}
            {s.stromstotte && <div><Text size="sm">{t.meaning.STROMSTOTTE}</Text><Text fw={700}>{formatKwh(s.stromstotte.coveredKwh)} · {formatKroner(s.stromstotte.amount)}</Text></div>}
          </Group>
          <Table striped>
            <Table.Thead>
              <Table.Tr><Table.Th>{t.day}</Table.Th><Table.Th>{t.consumption}</Table.Th><Table.Th>{t.covered}</Table.Th><Table.Th>{t.monthToDate}</Table.Th><Table.Th>{t.amount}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(s.days ?? []).map((d) => (
                <Table.Tr key={d.day}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => d.day && setParams({ month, day: d.day })}
                      aria-label={`${t.explain} ${formatDate(d.day)}`}>{formatDate(d.day)}</Anchor>
                  </Table.Td>
                  <Table.Td>{formatKwh(d.actualKwh)}</Table.Td>
                  <Table.Td>{formatKwh(d.coveredKwh)}</Table.Td>
                  <Table.Td>{formatKwh(d.monthToDateKwh)}</Table.Td>
                  <Table.Td>{formatKroner(d.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {/* a day is explained also before the month is billed (a link from a case, or the month still running) */}
      {explained && (
        <Card withBorder mt="md">
          <DayExplainer meteringPointId={meteringPointId} day={explained} monthAmount={s?.norgespris?.amount ?? s?.stromstotte?.amount} />
        </Card>
      )}
      <Anchor component={Link} to="/">{t.back}</Anchor>
    </section>
  );
}
