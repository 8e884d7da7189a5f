import { Alert, Anchor, Button, Card, Group, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, api, data } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, formatKroner } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { billingRunQueries } from './queries';
import { RunStatus } from './RunStatus';

/**
 * One billing run, followed live while it runs (polled each second): customers done of the total counted at its start,
 * the time left at its pace, the failures as they are recorded, each linking to its customer; stop and restart.
 */
export default function BillingRunPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const run = useQuery(billingRunQueries.detail(id));
  useTitle(`${t.billingRun} ${id}`);
  if (run.isPending) return <Loader aria-label={t.loading} />;
  if (run.isError) {
    const e = run.error;
    return <Alert color="red" title={e instanceof ApiError && e.status === 404 ? t.billingRunNotFound : t.failed}>{e.message}</Alert>;
  }
  const r = run.data;
  const done = r.customersDone ?? 0;
  const total = r.customersTotal;
  const share = total ? Math.min(100, Math.round((done / total) * 100)) : r.status === 'COMPLETED' ? 100 : 0;
  const running = r.status === 'STARTED';
  return (
    <Stack>
      <div>
        <Title order={1}>{t.billingRun} {r.id} – {r.month}</Title>
        <Text>
          {r.customerNumber ? <>{t.customer} <Anchor component={Link} to={`/customers/${r.customerNumber}`}>{r.customerNumber}</Anchor></> : t.allCustomers}
          {' · '}<Anchor component={Link} to="/billing-runs">{t.billingRuns}</Anchor>
        </Text>
      </div>
      <Card withBorder>
        <section aria-labelledby="run-progress">
          <Group justify="space-between">
            <Title order={2} size="h4" id="run-progress">{t.progress}</Title>
            <span data-testid="run-status"><RunStatus status={r.status} /></span>
          </Group>
          {/* read out when it changes, not at every poll: the counts only */}
          <div aria-live="polite">
            <Text mt="xs" data-testid="run-done">{t.customersDone(done, total)}</Text>
            {running && (
              <Text size="sm" data-testid="run-time-left">
                {t.timeLeft}: {r.estimatedSecondsLeft === undefined ? t.timeLeftUnknown : t.formatDuration(r.estimatedSecondsLeft)}
              </Text>
            )}
          </div>
          <Progress value={share} mt="xs" size="lg" animated={running} aria-label={t.progress}
            color={r.customersFailed ? 'orange' : 'blue'} />
          <dl className="facts">
            <dt>{t.billed}</dt><dd>{r.customersBilled}</dd>
            <dt>{t.skipped}</dt><dd>{r.customersSkipped}</dd>
            <dt>{t.failedCustomers}</dt><dd data-testid="run-failed">{r.customersFailed}</dd>
            <dt>{t.invoicesIssued}</dt><dd data-testid="run-invoices">{r.invoices}</dd>
            <dt>{t.creditNotesIssued}</dt><dd>{r.creditNotes}</dd>
            <dt>{t.runTotal}</dt><dd>{formatKroner(r.totalAmount)}</dd>
            <dt>{t.started}</dt><dd>{formatDateTime(r.startedAt)}</dd>
            {r.finishedAt && (<><dt>{t.finished}</dt><dd>{formatDateTime(r.finishedAt)}</dd></>)}
          </dl>
          <StopRestart id={id} status={r.status} />
        </section>
      </Card>
      <Card withBorder>
        <section aria-labelledby="run-failures">
          <Title order={2} size="h4" id="run-failures">{t.failures}</Title>
          {(r.failures ?? []).length === 0 ? <Text size="sm">{t.noFailures}</Text> : (
            <Table aria-labelledby="run-failures">
              <Table.Thead><Table.Tr><Table.Th>{t.customer}</Table.Th><Table.Th>{t.reason}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {(r.failures ?? []).map((f, n) => (
                  <Table.Tr key={`${f.customerNumber}-${n}`}>
                    <Table.Td><Anchor component={Link} to={`/customers/${f.customerNumber}`}>{f.customerNumber}</Anchor></Table.Td>
                    <Table.Td>{f.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      </Card>
    </Stack>
  );
}

/** Stop a running run (after the customers in progress), or restart a stopped, failed or interrupted one where it stopped. */
function StopRestart({ id, status }: { id: string; status: string | undefined }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const onSuccess = () => void queryClient.invalidateQueries({ queryKey: billingRunQueries.all() });
  const path = { params: { path: { id: Number(id) } } };
  const stop = useMutation({ mutationFn: async () => data(await api.POST('/api/v1/billing-runs/{id}/stop', path)), onSuccess });
  const restart = useMutation({ mutationFn: async () => data(await api.POST('/api/v1/billing-runs/{id}/restart', path)), onSuccess });
  const refusal = stop.error ?? restart.error;
  const errors = formErrors(refusal, [], t.rules);
  return (
    <Stack mt="md" gap="xs">
      {refusal instanceof ApiError && refusal.status === 403 ? <Refusal error={refusal} />
        : errors.summary.length > 0 && <Alert color="red" title={t.refused} role="alert">{errors.summary.join(' ')}</Alert>}
      <Group>
        {status === 'STARTED' && (
          <>
            <Button color="red" variant="outline" loading={stop.isPending} onClick={() => { restart.reset(); stop.mutate(); }}>{t.stopRun}</Button>
            <Text size="sm" c="dimmed">{t.stopRunHint}</Text>
          </>
        )}
        {(status === 'STOPPED' || status === 'FAILED' || status === 'INTERRUPTED') && (
          <Button loading={restart.isPending} onClick={() => { stop.reset(); restart.mutate(); }}>{t.restartRun}</Button>
        )}
      </Group>
    </Stack>
  );
}
