import { Anchor, Badge, Button, Card, Fieldset, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, data } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Refusal } from '../../components/Refusal';
import { MonthField } from '../../components/MonthField';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, formatPeriod } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { billingRunQueries } from './queries';
import { RunStatus } from './RunStatus';

/** Billing runs: start one for a month (or one customer), the recent runs, and the recalculations waiting for the next. */
export default function BillingRunsPage() {
  const { t } = useI18n();
  useTitle(t.billingRuns);
  return (
    <Stack>
      <Title order={1}>{t.billingRuns}</Title>
      <Card withBorder><StartRun /></Card>
      <Card withBorder><RecentRuns /></Card>
      <Card withBorder><RecalculationNeeds /></Card>
    </Stack>
  );
}

function StartRun() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState('');
  const [customerNumber, setCustomerNumber] = useState('');
  const [perChunk, setPerChunk] = useState('');
  const [pause, setPause] = useState('');
  // a number typed is sent as one; anything else as typed, for the API to name the field
  const whole = (text: string) => (text.trim() === '' ? undefined : /^\d+$/.test(text.trim()) ? Number(text.trim()) : (text.trim() as unknown as number));
  const start = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/billing-runs', {
      body: {
        month, customerNumber: customerNumber.trim() === '' ? undefined : customerNumber.trim(),
        customersPerChunk: whole(perChunk), pauseSeconds: whole(pause),
      },
    })),
    onSuccess: (run) => {
      void queryClient.invalidateQueries({ queryKey: billingRunQueries.all() });
      navigate(`/billing-runs/${run.id}`);
    },
  });
  const errors = formErrors(start.error, ['month', 'customerNumber', 'customersPerChunk', 'pauseSeconds'], t.rules);
  return (
    <section aria-labelledby="start-run">
      <Title order={2} size="h4" id="start-run">{t.startBillingRun}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t.startRunHint}</Text>
      <form noValidate onSubmit={(e) => { e.preventDefault(); start.mutate(); }}>
        <Stack>
          {start.error instanceof ApiError && start.error.status === 403
            ? <Refusal error={start.error} /> : <ErrorSummary messages={errors.summary} />}
          <Group align="flex-start">
            <MonthField label={t.month} required value={month} onChange={setMonth} error={errors.byField.month} />
            <TextInput label={t.oneCustomerOnly} inputMode="numeric" value={customerNumber}
              onChange={(e) => setCustomerNumber(e.currentTarget.value)} error={errors.byField.customerNumber} />
          </Group>
          <Fieldset legend={t.pace} variant="unstyled" aria-describedby="pace-hint">
            <Text size="sm" c="dimmed" id="pace-hint" mb="xs">{t.paceHint}</Text>
            <Group align="flex-start">
              <TextInput label={t.customersPerChunk} inputMode="numeric" value={perChunk}
                onChange={(e) => setPerChunk(e.currentTarget.value)} error={errors.byField.customersPerChunk} />
              <TextInput label={t.pauseSeconds} inputMode="numeric" value={pause}
                onChange={(e) => setPause(e.currentTarget.value)} error={errors.byField.pauseSeconds} />
            </Group>
          </Fieldset>
          <Group><Button type="submit" loading={start.isPending}>{t.startRun}</Button></Group>
        </Stack>
      </form>
    </section>
  );
}

function RecentRuns() {
  const { t } = useI18n();
  const runs = useQuery(billingRunQueries.recent());
  return (
    <section aria-labelledby="recent-runs">
      <Title order={2} size="h4" id="recent-runs">{t.recentRuns}</Title>
      {runs.isError && <Refusal error={runs.error} />}
      {runs.isSuccess && runs.data.length === 0 && <Text size="sm">{t.noRuns}</Text>}
      {runs.isSuccess && runs.data.length > 0 && (
        <Table aria-labelledby="recent-runs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.billingRun}</Table.Th><Table.Th>{t.month}</Table.Th><Table.Th>{t.customer}</Table.Th>
              <Table.Th>{t.status}</Table.Th><Table.Th>{t.progress}</Table.Th><Table.Th>{t.failedCustomers}</Table.Th>
              <Table.Th>{t.started}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td><Anchor component={Link} to={`/billing-runs/${r.id}`}>{r.id}</Anchor></Table.Td>
                <Table.Td>{r.month}</Table.Td>
                <Table.Td>{r.customerNumber
                  ? <Anchor component={Link} to={`/customers/${r.customerNumber}`}>{r.customerNumber}</Anchor> : t.allCustomers}</Table.Td>
                <Table.Td><RunStatus status={r.status} /></Table.Td>
                <Table.Td>{t.customersDone(r.customersDone ?? 0, r.customersTotal)}</Table.Td>
                <Table.Td>{r.customersFailed ? <Badge color="red" variant="light" c="dark">{r.customersFailed}</Badge> : 0}</Table.Td>
                <Table.Td>{formatDateTime(r.startedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function RecalculationNeeds() {
  const { t } = useI18n();
  const needs = useQuery(billingRunQueries.recalculationNeeds());
  return (
    <section aria-labelledby="recalculation-needs">
      <Title order={2} size="h4" id="recalculation-needs">{t.recalculationNeeds}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t.recalculationHint}</Text>
      {needs.isError && <Refusal error={needs.error} />}
      {needs.isSuccess && needs.data.length === 0 && <Text size="sm">{t.noRecalculationNeeds}</Text>}
      {needs.isSuccess && needs.data.length > 0 && (
        <Table aria-labelledby="recalculation-needs">
          <Table.Thead>
            <Table.Tr><Table.Th>{t.meteringPoint}</Table.Th><Table.Th>{t.period}</Table.Th><Table.Th>{t.reason}</Table.Th><Table.Th>{t.raised}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {needs.data.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td><Anchor component={Link} to={`/metering-points/${n.meteringPointId}`} ff="monospace">{n.meteringPointId}</Anchor></Table.Td>
                <Table.Td>{formatPeriod(n.from, n.to, t.from)}</Table.Td>
                <Table.Td>{n.reason}{n.detail ? ` – ${n.detail}` : ''}</Table.Td>
                <Table.Td>{formatDateTime(n.raisedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
