import { Badge, Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data, downloadFile, openDocument } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { deliveryQueries } from './queries';

/**
 * An invoice's way to the customer: the channels in the planned order (the one in use marked), where it stands, every
 * event with its time (queued, sent, opened, bounced, the fallback to the next channel …); the PDF and, when EHF is in
 * the plan, the EHF XML, fetched with the token; a failed delivery sent again or resolved by hand.
 */
export function InvoiceDelivery({ invoiceNumber }: { invoiceNumber: string }) {
  const { t } = useI18n();
  const delivery = useQuery(deliveryQueries.ofInvoice(invoiceNumber));
  const [opening, setOpening] = useState<unknown>(null);
  const d = delivery.data;
  const plan = d?.plan ?? [];
  const channel = (c: string | undefined) => t.deliveryChannels[c ?? ''] ?? c ?? '–';
  return (
    <section aria-labelledby="delivery">
      <Title order={2} size="h4" id="delivery">{t.deliveryTitle}</Title>
      <Group my="xs">
        <Button size="xs" variant="default" onClick={() => { setOpening(null); openDocument(`/api/v1/invoices/${invoiceNumber}/document`).catch(setOpening); }}>
          {t.openInvoicePdf}
        </Button>
        {plan.includes('EHF') && (
          <Button size="xs" variant="default"
            onClick={() => { setOpening(null); downloadFile(`/api/v1/invoices/${invoiceNumber}/ehf`, `ehf-${invoiceNumber}.xml`).catch(setOpening); }}>
            {t.downloadEhf}
          </Button>
        )}
      </Group>
      {opening !== null && <Refusal error={opening} />}
      {delivery.isError && <Refusal error={delivery.error} />}
      {delivery.isSuccess && d === null && <Text size="sm">{t.noDelivery}</Text>}
      {d && (
        <Stack gap="xs">
          <dl className="facts">
            <dt>{t.status}</dt>
            <dd><Badge variant="light" color={d.status === 'FAILED' ? 'red' : 'gray'} c="dark" data-testid="delivery-status">{t.deliveryStatuses[d.status ?? ''] ?? d.status}</Badge></dd>
            <dt>{t.deliveryPlan}</dt>
            <dd data-testid="delivery-plan">
              {plan.length === 0 ? '–' : plan.map((c, i) => (i === d.step ? `${channel(c)} (${t.deliveryInUse})` : channel(c))).join(' → ')}
            </dd>
          </dl>
          <Table aria-label={t.deliveryEvents}>
            <Table.Thead>
              <Table.Tr><Table.Th>{t.time}</Table.Th><Table.Th>{t.channel}</Table.Th><Table.Th>{t.deliveryEvent}</Table.Th><Table.Th>{t.deliveryDetail}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(d.events ?? []).map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{channel(e.channel)}</Table.Td>
                  <Table.Td>{t.deliveryEventKinds[e.kind ?? ''] ?? e.kind}</Table.Td>
                  <Table.Td><Text size="sm" style={{ overflowWrap: 'anywhere' }}>{e.detail ?? ''}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {d.status === 'FAILED' && <FailedDelivery invoiceNumber={invoiceNumber} />}
        </Stack>
      )}
    </section>
  );
}

/** Send a failed delivery again (the channels chosen again from the contact details), or resolve it with a comment. */
function FailedDelivery({ invoiceNumber }: { invoiceNumber: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const path = { params: { path: { invoiceNumber: Number(invoiceNumber) } } };
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: deliveryQueries.ofInvoice(invoiceNumber).queryKey });
    void queryClient.invalidateQueries({ queryKey: deliveryQueries.all });
  };
  const retry = useMutation({ mutationFn: async () => data(await api.POST('/api/v1/invoices/{invoiceNumber}/deliveries/retry', path)), onSuccess });
  const resolve = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/invoices/{invoiceNumber}/deliveries/resolve', { ...path, body: { comment } })),
    onSuccess,
  });
  const errors = formErrors(resolve.error ?? retry.error, ['comment'], t.rules);
  return (
    <section aria-labelledby="delivery-act">
      <Title order={3} size="h5" id="delivery-act">{t.handleDelivery}</Title>
      <form noValidate onSubmit={(e) => { e.preventDefault(); retry.reset(); resolve.mutate(); }}>
        <Stack gap="xs">
          <ErrorSummary messages={errors.summary} />
          <Group>
            <Button variant="default" loading={retry.isPending} onClick={() => { resolve.reset(); retry.mutate(); }}>{t.sendAgain}</Button>
            <Text size="sm" c="dimmed">{t.sendAgainHint}</Text>
          </Group>
          <Textarea label={t.comment} description={t.deliveryResolveHint} value={comment} onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.byField.comment} required autosize minRows={2} />
          <Group><Button type="submit" loading={resolve.isPending}>{t.resolve}</Button></Group>
        </Stack>
      </form>
    </section>
  );
}
