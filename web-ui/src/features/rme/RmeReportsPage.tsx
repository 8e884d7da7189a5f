import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, data, downloadFile } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Refusal } from '../../components/Refusal';
import { MonthField } from '../../components/MonthField';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, formatKroner, formatKwh } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { rmeQueries } from './queries';

type Report = components['schemas']['Report'];
type Produced = components['schemas']['ReportResponse'];

/** RME reports (the Norgespris/strømstøtte file to the regulator): produce a month, the versions, the difference, download. */
export default function RmeReportsPage() {
  const { t } = useI18n();
  useTitle(t.rmeReports);
  return (
    <Stack>
      <Title order={1}>{t.rmeReports}</Title>
      <Card withBorder><Produce /></Card>
      <Card withBorder><Versions /></Card>
    </Stack>
  );
}

function Produce() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState('');
  const produce = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/rme-reports', { body: { month } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rmeQueries.all() }),
  });
  // a row that breaks a rule blocks the whole file: the rule and the metering point it names, at the top
  const errors = formErrors(produce.error, ['month'], t.rules);
  return (
    <section aria-labelledby="rme-produce">
      <Title order={2} size="h4" id="rme-produce">{t.produceRme}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t.produceRmeHint}</Text>
      <form noValidate onSubmit={(e) => { e.preventDefault(); produce.mutate(); }}>
        <Stack>
          {produce.error instanceof ApiError && produce.error.status === 403
            ? <Refusal error={produce.error} /> : <ErrorSummary messages={errors.summary} />}
          <Group align="flex-end">
            <MonthField label={t.month} required value={month} onChange={(m) => { produce.reset(); setMonth(m); }} error={errors.byField.month} />
            <Button type="submit" loading={produce.isPending}>{t.produce}</Button>
          </Group>
        </Stack>
      </form>
      {produce.data && <ProducedResult p={produce.data} />}
    </section>
  );
}

function ProducedResult({ p }: { p: Produced }) {
  const { t } = useI18n();
  const r = p.report ?? {};
  return (
    <Alert color={p.newVersion ? 'green' : 'gray'} role="status" mt="md" title={p.newVersion ? t.rmeNewVersion(r.version ?? 0) : t.rmeUnchanged(r.version ?? 0)}>
      <Text size="sm">{r.fileName} · {t.rmeRows(r.rowCount ?? 0)} · {formatKroner(r.totalAmount)}</Text>
      {p.differenceFromPrevious && <Difference p={p} />}
    </Alert>
  );
}

function Difference({ p }: { p: Produced }) {
  const { t } = useI18n();
  const d = p.differenceFromPrevious ?? {};
  return (
    <Text size="sm" data-testid="rme-difference">
      {t.rmeDifference(p.previousVersion ?? 0)}: {formatKroner(d.amount)}, {formatKwh(d.actualKwh)} {t.actual}, {formatKwh(d.coveredKwh)} {t.covered.toLowerCase()}, {t.rmeRows(d.rows ?? 0)}
    </Text>
  );
}

function Versions() {
  const { t } = useI18n();
  const reports = useQuery(rmeQueries.list());
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section aria-labelledby="rme-versions">
      <Title order={2} size="h4" id="rme-versions">{t.rmeVersions}</Title>
      {reports.isError && <Refusal error={reports.error} />}
      {reports.isSuccess && reports.data.length === 0 && <Text size="sm">{t.noRmeReports}</Text>}
      {reports.isSuccess && reports.data.length > 0 && (
        <Table aria-labelledby="rme-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.month}</Table.Th><Table.Th>{t.version}</Table.Th><Table.Th>{t.fileName}</Table.Th><Table.Th>{t.rows}</Table.Th>
              <Table.Th>{t.amount}</Table.Th><Table.Th>{t.covered}</Table.Th><Table.Th>{t.created}</Table.Th><Table.Th><span className="visually-hidden">{t.download}</span></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data.map((r) => (
              <VersionRow key={r.id} r={r} open={open === r.id} onToggle={() => setOpen(open === r.id ? null : r.id ?? null)} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function VersionRow({ r, open, onToggle }: { r: Report; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  const detail = useQuery({ ...rmeQueries.detail(r.id ?? 0), enabled: open });
  const [failed, setFailed] = useState<unknown>(null);
  return (
    <>
      <Table.Tr>
        <Table.Td>{r.month}</Table.Td>
        <Table.Td>{r.version}</Table.Td>
        <Table.Td>{r.fileName}</Table.Td>
        <Table.Td>{r.rowCount}</Table.Td>
        <Table.Td>{formatKroner(r.totalAmount)}</Table.Td>
        <Table.Td>{formatKwh(r.totalCoveredKwh)}</Table.Td>
        <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            {(r.version ?? 1) > 1 && (
              <Button size="xs" variant="default" aria-expanded={open} onClick={onToggle}>{t.rmeShowDifference(r.version ?? 0)}</Button>
            )}
            <Button size="xs" variant="default" aria-label={t.downloadFile(r.fileName ?? '', r.version ?? 0)}
              onClick={() => { setFailed(null); downloadFile(`/api/v1/rme-reports/${r.id}/file`, r.fileName ?? 'rme.csv').catch(setFailed); }}>
              {t.download}
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      {(open || failed !== null) && (
        <Table.Tr>
          <Table.Td colSpan={8}>
            {failed !== null && <Refusal error={failed} />}
            {open && detail.isSuccess && detail.data.differenceFromPrevious && <Difference p={detail.data} />}
            {open && detail.isError && <Refusal error={detail.error} />}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
