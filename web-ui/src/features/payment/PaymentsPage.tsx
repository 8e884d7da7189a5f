import { Alert, Anchor, Button, Card, Group, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, data, postFile } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FileUpload } from '../../components/FileUpload';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatKroner } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { paymentQueries } from './queries';

type Outcome = components['schemas']['ImportOutcome'];
type Queued = components['schemas']['QueuedPayment'];

/** Incoming payments: import a bank file (OCR giro or camt.054) and see what came of it; match the queued ones by hand. */
export default function PaymentsPage() {
  const { t } = useI18n();
  useTitle(t.payments);
  return (
    <Stack>
      <Title order={1}>{t.payments}</Title>
      <Card withBorder><ImportFile /></Card>
      <Queue />
    </Stack>
  );
}

function ImportFile() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <FileUpload<Outcome> headingId="payment-file" heading={t.importPaymentFile} hint={t.importPaymentFileHint}
      label={t.paymentFile} accept=".txt,.xml,text/plain,application/xml"
      upload={(file) => postFile<Outcome>(`/api/v1/payment-files?fileName=${encodeURIComponent(file.name)}`, file)}
      onUploaded={() => void queryClient.invalidateQueries({ queryKey: paymentQueries.all() })}>
      {(o) => (
        <Alert color={o.duplicate ? 'yellow' : 'green'} title={o.duplicate ? t.fileDuplicate : t.fileImported} role="status" mt="md">
          <dl className="facts" data-testid="import-outcome">
            <dt>{t.fileFormat}</dt><dd>{o.format === 'CAMT_054' ? 'camt.054' : 'OCR giro'}</dd>
            <dt>{t.paymentsInFile}</dt><dd>{o.payments} ({formatKroner(o.total)})</dd>
            <dt>{t.matchedByKid}</dt><dd data-testid="matched-by-kid">{o.matchedByKid}</dd>
            <dt>{t.matchedByAmountAndPayer}</dt><dd data-testid="matched-by-amount">{o.matchedByAmountAndPayer}</dd>
            <dt>{t.queuedForMatching}</dt><dd data-testid="queued">{o.queued}</dd>
            {(o.alreadyImported ?? 0) > 0 && (<><dt>{t.alreadyImported}</dt><dd>{o.alreadyImported}</dd></>)}
          </dl>
        </Alert>
      )}
    </FileUpload>
  );
}

function Queue() {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const queue = useQuery(paymentQueries.queue(page));
  const pages = Math.max(1, Math.ceil((queue.data?.total ?? 0) / 20));
  return (
    <section aria-labelledby="payment-queue">
      <Title order={2} size="h3" id="payment-queue">{t.unmatchedPayments}</Title>
      <div aria-live="polite">{queue.isSuccess && <Text size="sm">{t.paymentsWaiting(queue.data.total ?? 0)}</Text>}</div>
      {queue.isError && <Refusal error={queue.error} />}
      <Stack mt="sm">
        {(queue.data?.items ?? []).map((q) => <QueuedPayment key={q.payment?.id} queued={q} />)}
      </Stack>
      {pages > 1 && <Pagination mt="md" total={pages} value={page + 1} onChange={(p) => setPage(p - 1)}
        getControlProps={(c) => ({ 'aria-label': c === 'previous' ? t.previousPage : c === 'next' ? t.nextPage : c })} />}
    </section>
  );
}

/** One queued payment, its suggested invoices with their scores, and matching it to one of them, another invoice or an account. */
function QueuedPayment({ queued }: { queued: Queued }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const p = queued.payment ?? {};
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [customerNumber, setCustomerNumber] = useState('');
  const match = useMutation({
    mutationFn: async (target: { invoiceNumber?: number; customerNumber?: string }) =>
      data(await api.POST('/api/v1/payments/{paymentId}/match', { params: { path: { paymentId: String(p.id) } }, body: target })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: paymentQueries.all() }),
  });
  const errors = formErrors(match.error, ['invoiceNumber', 'customerNumber'], t.rules);
  const heading = `payment-${p.id}`;
  return (
    <Card withBorder>
      <section aria-labelledby={heading}>
        <Title order={3} size="h4" id={heading}>{formatKroner(p.amount)} · {formatDate(p.paidOn)} · {p.payerName ?? t.unknownPayer}</Title>
        <dl className="facts">
          <dt>{t.kid}</dt><dd>{p.kid ?? '–'}</dd>
          <dt>{t.payerAccount}</dt><dd>{p.payerAccount ?? '–'}</dd>
          <dt>{t.paymentReference}</dt><dd>{p.bankReference}</dd>
          {p.heldReason && (<><dt>{t.heldReason}</dt><dd>{p.heldReason}</dd></>)}
        </dl>
        <Title order={4} size="h5" mt="sm" id={`${heading}-suggestions`}>{t.suggestedInvoices}</Title>
        {(queued.suggestions ?? []).length === 0 ? <Text size="sm">{t.noSuggestions}</Text> : (
          <Table aria-labelledby={`${heading}-suggestions`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.invoice}</Table.Th><Table.Th>{t.customer}</Table.Th><Table.Th>{t.open}</Table.Th><Table.Th>{t.dueDate}</Table.Th>
                <Table.Th>{t.score}</Table.Th><Table.Th>{t.why}</Table.Th><Table.Th><span className="visually-hidden">{t.match}</span></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(queued.suggestions ?? []).map((s) => (
                <Table.Tr key={s.invoiceNumber}>
                  <Table.Td><Anchor component={Link} to={`/invoices/${s.invoiceNumber}`}>{s.invoiceNumber}</Anchor></Table.Td>
                  <Table.Td><Anchor component={Link} to={`/customers/${s.customerNumber}`}>{s.customerName}</Anchor></Table.Td>
                  <Table.Td>{formatKroner(s.openAmount)}</Table.Td>
                  <Table.Td>{formatDate(s.dueDate)}</Table.Td>
                  <Table.Td data-testid="suggestion-score">{s.score}</Table.Td>
                  <Table.Td>{(s.reasons ?? []).map((r) => t.matchReasons[r] ?? r).join(', ')}</Table.Td>
                  <Table.Td>
                    <Button size="xs" loading={match.isPending && match.variables?.invoiceNumber === s.invoiceNumber}
                      onClick={() => match.mutate({ invoiceNumber: s.invoiceNumber })}>{t.matchToInvoice(String(s.invoiceNumber))}</Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form noValidate onSubmit={(e) => {
          e.preventDefault();
          match.mutate(invoiceNumber.trim() !== '' ? { invoiceNumber: Number(invoiceNumber.trim()) } : { customerNumber: customerNumber.trim() || undefined });
        }}>
          <Stack mt="sm" gap="xs">
            <ErrorSummary messages={errors.summary} />
            <Group align="flex-start">
              <TextInput label={t.otherInvoice} inputMode="numeric" value={invoiceNumber} onChange={(e) => setInvoiceNumber(e.currentTarget.value)}
                error={errors.byField.invoiceNumber} />
              <TextInput label={t.orAccount} inputMode="numeric" value={customerNumber} onChange={(e) => setCustomerNumber(e.currentTarget.value)}
                error={errors.byField.customerNumber} />
            </Group>
            <Group><Button type="submit" variant="default" loading={match.isPending && match.variables?.invoiceNumber === undefined}>{t.match}</Button></Group>
          </Stack>
        </form>
      </section>
    </Card>
  );
}
