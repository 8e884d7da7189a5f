import { Alert, Anchor, Button, Card, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatKroner, formatPeriod } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { invoiceQueries } from './queries';
import { customerQueries } from '../customer/queries';
import { Refusal } from '../../components/Refusal';
import { useTitle } from '../../lib/useTitle';
import { InvoiceDelivery } from '../invoice-delivery/InvoiceDelivery';
import { InvoiceDunning } from '../dunning/InvoiceDunning';
import { DateField } from '../../components/DateField';

type Line = components['schemas']['LineResponse'];

/** An invoice: its lines grouped by metering point, the totals, KID and due date, and a postponement of the due date. */
export default function InvoicePage() {
  const { t } = useI18n();
  const { invoiceNumber = '' } = useParams();
  const invoice = useQuery(invoiceQueries.detail(invoiceNumber));
  useTitle(`${t.invoice} ${invoiceNumber}`);
  if (invoice.isPending) return <Loader aria-label={t.loading} />;
  if (invoice.isError) {
    const e = invoice.error;
    return <Alert color="red" title={e instanceof ApiError && e.status === 404 ? t.invoiceNotFound : t.failed}>{e.message}</Alert>;
  }
  const i = invoice.data;
  const groups = new Map<string, Line[]>();
  for (const line of i.lines ?? []) {
    const key = line.meteringPointId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{i.kind === 'CREDIT_NOTE' ? t.creditNote : t.invoice} {i.invoiceNumber}</Title>
          <Text>{t.customer} <Anchor component={Link} to={`/customers/${i.customerNumber}`}>{i.customerNumber}</Anchor> · {formatPeriod(i.periodFrom, i.periodTo, t.from)}</Text>
        </div>
      </Group>
      <Card withBorder>
        <dl className="facts">
          <LedgerStatus customerNumber={String(i.customerNumber)} invoiceNumber={invoiceNumber} />
          <dt>{t.issued}</dt><dd>{formatDate(i.issueDate)}</dd>
          <dt>{t.dueDate}</dt><dd>{formatDate(i.dueDate)}</dd>
          <dt>{t.kid}</dt><dd>{i.kid}</dd>
          <dt>{t.net}</dt><dd>{formatKroner(i.netAmount)}</dd>
          <dt>{t.vat}</dt><dd>{formatKroner(i.vatAmount)}</dd>
          <dt>{t.total}</dt><dd><strong data-testid="invoice-total">{formatKroner(i.totalAmount)}</strong></dd>
          {i.creditsInvoiceNumber && (<><dt>{t.credits}</dt><dd><Anchor component={Link} to={`/invoices/${i.creditsInvoiceNumber}`}>{i.creditsInvoiceNumber}</Anchor></dd></>)}
          {i.replacesInvoiceNumber && (<><dt>{t.replaces}</dt><dd><Anchor component={Link} to={`/invoices/${i.replacesInvoiceNumber}`}>{i.replacesInvoiceNumber}</Anchor></dd></>)}
          {i.credited && (<><dt>{t.status}</dt><dd>{t.creditedStatus}</dd></>)}
        </dl>
      </Card>
      {i.kind !== 'CREDIT_NOTE' && i.customerNumber && (
        <MatchedPayments customerNumber={String(i.customerNumber)} invoiceNumber={invoiceNumber} />
      )}
      <Card withBorder><InvoiceDelivery invoiceNumber={invoiceNumber} /></Card>
      {i.kind !== 'CREDIT_NOTE' && i.customerNumber && (
        <Card withBorder><InvoiceDunning invoiceNumber={invoiceNumber} customerNumber={String(i.customerNumber)} /></Card>
      )}
      {[...groups.entries()].map(([point, lines]) => (
        <Card withBorder key={point}>
          <section aria-label={point ? `${t.meteringPoint} ${point}` : t.invoiceLines}>
            <Title order={2} size="h4">{point ? <>{t.meteringPoint} <Anchor component={Link} to={`/metering-points/${point}`} ff="monospace">{point}</Anchor></> : t.invoiceLines}</Title>
            <Table>
              <Table.Thead>
                <Table.Tr><Table.Th>{t.text}</Table.Th><Table.Th>{t.period}</Table.Th><Table.Th>{t.quantity}</Table.Th><Table.Th>{t.unitPrice}</Table.Th><Table.Th>{t.amount}</Table.Th><Table.Th>{t.vat}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l) => (
                  <Table.Tr key={l.line}>
                    <Table.Td>
                      {l.text}
                      {l.elementCode && point && /NORGESPRIS|STROMSTOTTE/.test(l.elementCode) && l.from && (
                        <> · <Anchor component={Link} to={`/metering-points/${point}?month=${l.from.slice(0, 7)}`}>{t.settlementBehind}</Anchor></>
                      )}
                    </Table.Td>
                    <Table.Td>{formatPeriod(l.from, l.to, t.from)}</Table.Td>
                    <Table.Td>{l.quantity?.toLocaleString('nb-NO', { maximumFractionDigits: 3 })} {l.unit}</Table.Td>
                    <Table.Td>{l.unitPrice?.toLocaleString('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 5 })}</Table.Td>
                    <Table.Td>{formatKroner(l.netAmount)}</Table.Td>
                    <Table.Td>{formatKroner(l.vatAmount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        </Card>
      ))}
      {i.kind !== 'CREDIT_NOTE' && i.customerNumber && (
        <Card withBorder><Postpone customerNumber={String(i.customerNumber)} invoiceNumber={invoiceNumber} /></Card>
      )}
    </Stack>
  );
}

/** What the ledger says of the invoice: paid, open, the due date in force (after a postponement), collection. */
function LedgerStatus({ customerNumber, invoiceNumber }: { customerNumber: string; invoiceNumber: string }) {
  const { t } = useI18n();
  const ledger = useQuery(customerQueries.ledger(customerNumber));
  const item = (ledger.data?.items ?? []).find((x) => String(x.invoiceNumber) === invoiceNumber);
  if (!item) return null;
  return (
    <>
      <dt>{t.paid}</dt><dd data-testid="invoice-paid">{formatKroner(item.paid)}</dd>
      {item.fromAccount !== 0 && (<><dt>{t.fromAccount}</dt><dd>{formatKroner(item.fromAccount)}</dd></>)}
      <dt>{t.open}</dt><dd data-testid="invoice-open">{formatKroner(item.open)}</dd>
      <dt>{t.dueInForce}</dt><dd data-testid="invoice-due">{formatDate(item.dueDate)}</dd>
      {item.inCollectionSince && (<><dt>{t.inCollection}</dt><dd>{formatDate(item.inCollectionSince)}</dd></>)}
    </>
  );
}

/** The payments matched to this invoice, from the customer's ledger (a payment's amount there is negative). */
function MatchedPayments({ customerNumber, invoiceNumber }: { customerNumber: string; invoiceNumber: string }) {
  const { t } = useI18n();
  const ledger = useQuery(customerQueries.ledger(customerNumber));
  if (!ledger.isSuccess) return null;
  const payments = (ledger.data.entries ?? []).filter((e) => e.type === 'PAYMENT' && String(e.invoiceNumber) === invoiceNumber);
  return (
    <Card withBorder>
      <section aria-labelledby="matched-payments">
        <Title order={2} size="h4" id="matched-payments">{t.matchedPayments}</Title>
        {payments.length === 0 ? <Text size="sm">{t.noMatchedPayments}</Text> : (
          <Table aria-labelledby="matched-payments">
            <Table.Thead><Table.Tr><Table.Th>{t.paymentDate}</Table.Th><Table.Th>{t.paymentReference}</Table.Th><Table.Th>{t.amount}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {payments.map((p, n) => (
                <Table.Tr key={`${p.reference}-${n}`}>
                  <Table.Td>{formatDate(p.date)}</Table.Td>
                  <Table.Td>{p.reference}</Table.Td>
                  <Table.Td>{formatKroner(-(p.amount ?? 0))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Card>
  );
}

/** Payment arrangement: the due date postponed, or the rule that refuses it. */
function Postpone({ customerNumber, invoiceNumber }: { customerNumber: string; invoiceNumber: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const options = useQuery(invoiceQueries.arrangementOptions(customerNumber));
  const option = (options.data ?? []).find((o) => String(o.invoiceNumber) === invoiceNumber);
  const [newDueDate, setNewDueDate] = useState('');
  const postpone = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/partner/accounts/{customerNumber}/payment-arrangements', {
      params: { path: { customerNumber } }, body: { invoiceNumber, newDueDate, reason: 'customer service' },
    })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['invoices', invoiceNumber] });
      void queryClient.invalidateQueries({ queryKey: customerQueries.all(customerNumber) });
      setNewDueDate('');
    },
  });
  const errors = formErrors(postpone.error, ['newDueDate'], t.rules);
  return (
    <section aria-labelledby="postpone">
      <Title order={2} size="h4" id="postpone">{t.postpone}</Title>
      {options.isError && <Refusal error={options.error} />}
      {options.isSuccess && !option && <Text size="sm">{t.notOpen}</Text>}
      {option && !option.postponable && (
        <Alert color="gray" title={t.cannotPostpone}>
          <List>{(option.refusals ?? []).map((r) => <List.Item key={r.rule}>{(r.rule && t.rules[r.rule]) ?? r.reason} ({r.rule})</List.Item>)}</List>
        </Alert>
      )}
      {option?.postponable && (
        <form noValidate onSubmit={(e) => { e.preventDefault(); postpone.mutate(); }}>
          <Group align="flex-end">
            <DateField label={t.newDueDate} description={t.latestDueDate(formatDate(option.latestDueDate))}
              value={newDueDate} onChange={setNewDueDate} error={errors.byField.newDueDate ?? errors.summary[0]} required />
            <Button type="submit" loading={postpone.isPending}>{t.postpone}</Button>
          </Group>
        </form>
      )}
      {postpone.isSuccess && <Text role="status" mt="xs">{t.postponed}</Text>}
    </section>
  );
}
