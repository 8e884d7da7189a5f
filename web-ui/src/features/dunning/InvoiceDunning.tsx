import { Badge, Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data, openDocument } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatKroner } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { dunningQueries } from './queries';

/** The written notices, whose letter (PDF) is stored as it was sent. */
const LETTERS = ['PURRING', 'INKASSOVARSEL'];

/**
 * An invoice's dunning: the stage it stands at, the hold (paused or stopped by staff, with the reason), every step with
 * its day, channel, fee and new deadline and the letter as sent; pause, resume or stop with a reason (required: the
 * API's refusal at the field).
 */
export function InvoiceDunning({ invoiceNumber, customerNumber }: { invoiceNumber: string; customerNumber: string }) {
  const { t } = useI18n();
  const dunning = useQuery(dunningQueries.ofInvoice(invoiceNumber));
  const [opening, setOpening] = useState<unknown>(null);
  const d = dunning.data;
  const events = d?.events ?? [];
  return (
    <section aria-labelledby="dunning">
      <Title order={2} size="h4" id="dunning">{t.dunningTitle}</Title>
      {dunning.isError && <Refusal error={dunning.error} />}
      {opening !== null && <Refusal error={opening} />}
      {d && (
        <Stack gap="xs">
          <dl className="facts">
            <dt>{t.dunningStage}</dt><dd data-testid="dunning-stage">{t.dunningStages[d.stage ?? ''] ?? d.stage}</dd>
            <dt>{t.dunningHold}</dt>
            <dd data-testid="dunning-hold">
              {d.hold ? <><Badge variant="light" color="orange" c="dark">{t.dunningHolds[d.hold] ?? d.hold}</Badge> {d.holdReason}</> : '–'}
            </dd>
            {d.deadline && (<><dt>{t.deadline}</dt><dd>{formatDate(d.deadline)}</dd></>)}
            <dt>{t.feesCharged}</dt><dd>{formatKroner(d.feesCharged ?? 0)}</dd>
          </dl>
          {events.length === 0 ? <Text size="sm">{t.noDunningSteps}</Text> : (
            <Table aria-label={t.dunningTitle}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.dunningStep}</Table.Th><Table.Th>{t.day}</Table.Th><Table.Th>{t.channel}</Table.Th><Table.Th>{t.fee}</Table.Th>
                  <Table.Th>{t.newDeadline}</Table.Th><Table.Th>{t.by}</Table.Th><Table.Th>{t.letter}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.map((e, i) => {
                  const step = t.dunningStages[e.step ?? ''] ?? e.step ?? '';
                  return (
                    <Table.Tr key={e.eventId ?? i}>
                      <Table.Td>{step}{e.reason ? ` – ${e.reason}` : ''}</Table.Td>
                      <Table.Td>{formatDate(e.day)}</Table.Td>
                      <Table.Td>{e.channel ? (t.dunningChannels[e.channel] ?? e.channel) : '–'}
                        {e.notice ? ` (${t.noticeStatuses[e.notice] ?? e.notice})` : ''}</Table.Td>
                      <Table.Td>{e.fee != null ? formatKroner(e.fee) : '–'}</Table.Td>
                      <Table.Td>{formatDate(e.deadline)}</Table.Td>
                      <Table.Td>{e.by}</Table.Td>
                      <Table.Td>
                        {LETTERS.includes(e.step ?? '') && e.eventId ? (
                          <Button size="compact-xs" variant="default" onClick={() => {
                            setOpening(null);
                            openDocument(`/api/v1/invoices/${invoiceNumber}/dunning/${e.eventId}/letter`).catch(setOpening);
                          }}>{t.openLetter(step, formatDate(e.day))}</Button>
                        ) : '–'}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          {d.hold !== 'STOPPED' && <Hold invoiceNumber={invoiceNumber} customerNumber={customerNumber} paused={d.hold === 'PAUSED'} />}
        </Stack>
      )}
    </section>
  );
}

/** Pause (until resumed) or stop for good, with a reason; resume a paused one. */
function Hold({ invoiceNumber, customerNumber, paused }: { invoiceNumber: string; customerNumber: string; paused: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const path = { params: { path: { invoiceNumber } } };
  const change = useMutation({
    mutationFn: async (action: 'pause' | 'resume' | 'stop') => {
      if (action === 'pause') return data(await api.POST('/api/v1/invoices/{invoiceNumber}/dunning/pause', { ...path, body: { reason } }));
      if (action === 'stop') return data(await api.POST('/api/v1/invoices/{invoiceNumber}/dunning/stop', { ...path, body: { reason } }));
      return data(await api.POST('/api/v1/invoices/{invoiceNumber}/dunning/resume', path));
    },
    onSuccess: (state) => {
      queryClient.setQueryData(dunningQueries.ofInvoice(invoiceNumber).queryKey, state);
      void queryClient.invalidateQueries({ queryKey: dunningQueries.ofCustomer(customerNumber).queryKey });
      setReason('');
    },
  });
  const errors = formErrors(change.error, ['reason'], t.rules);
  return (
    <form noValidate aria-labelledby="dunning-hold-title" onSubmit={(e) => { e.preventDefault(); change.mutate('pause'); }}>
      <Title order={3} size="h5" id="dunning-hold-title">{t.dunningHold}</Title>
      <Stack gap="xs">
        <ErrorSummary messages={errors.summary} />
        <Textarea label={t.holdReason} description={t.holdReasonHint} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.byField.reason} autosize minRows={1} />
        <Group>
          {paused
            ? <Button variant="default" loading={change.isPending && change.variables === 'resume'} onClick={() => change.mutate('resume')}>{t.resumeDunning}</Button>
            : <Button type="submit" loading={change.isPending && change.variables === 'pause'}>{t.pauseDunning}</Button>}
          <Button variant="default" loading={change.isPending && change.variables === 'stop'} onClick={() => change.mutate('stop')}>{t.stopDunning}</Button>
        </Group>
        <div aria-live="polite">{change.isSuccess && <Text size="sm" role="status">{t.dunningChanged}</Text>}</div>
      </Stack>
    </form>
  );
}
