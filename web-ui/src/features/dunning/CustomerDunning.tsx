import { Anchor, Badge, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatKroner } from '../../lib/format';
import { dunningQueries } from './queries';

/** The customer's dunning on the 360: each invoice with a dunning step or a hold, its stage, deadline and fees. */
export function CustomerDunning({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const dunning = useQuery(dunningQueries.ofCustomer(customerNumber));
  const items = dunning.data ?? [];
  return (
    <section aria-labelledby="customer-dunning">
      <Title order={2} size="h4" id="customer-dunning">{t.customerDunning}</Title>
      {dunning.isError && <Refusal error={dunning.error} />}
      {dunning.isSuccess && items.length === 0 && <Text size="sm">{t.noCustomerDunning}</Text>}
      {items.length > 0 && (
        <Table aria-labelledby="customer-dunning">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.invoiceNumber}</Table.Th><Table.Th>{t.dunningStage}</Table.Th><Table.Th>{t.dunningHold}</Table.Th>
              <Table.Th>{t.deadline}</Table.Th><Table.Th>{t.feesCharged}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.invoiceNumber}>
                <Table.Td><Anchor component={Link} to={`/invoices/${d.invoiceNumber}`}>{d.invoiceNumber}</Anchor></Table.Td>
                <Table.Td>{t.dunningStages[d.stage ?? ''] ?? d.stage}</Table.Td>
                <Table.Td>{d.hold ? <><Badge variant="light" color="orange" c="dark">{t.dunningHolds[d.hold] ?? d.hold}</Badge> {d.holdReason}</> : '–'}</Table.Td>
                <Table.Td>{formatDate(d.deadline)}</Table.Td>
                <Table.Td>{formatKroner(d.feesCharged ?? 0)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
