import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/useTitle';
import { STAGES, STATUSES, orderQueries, type OrderFilter } from './queries';

/** Colours of an order's status (the text is dark on all of them, for contrast). */
export const statusColours: Record<string, string> = { IN_PROGRESS: 'blue', WAITING: 'yellow', COMPLETED: 'green', STOPPED: 'red', CANCELLED: 'gray' };

/** The contract orders, newest first, filtered by stage and status (the filter is in the URL), 20 a page; "Nytt salg". */
export default function ContractOrdersPage() {
  const { t } = useI18n();
  useTitle(t.contractOrders);
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const filter: OrderFilter = {
    stage: stage === '' ? undefined : (stage as OrderFilter['stage']),
    status: status === '' ? undefined : (status as OrderFilter['status']),
    page,
  };
  const orders = useQuery(orderQueries.list(filter));
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name); else next.set(name, value);
    if (name !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const total = orders.data?.totalElements ?? 0;
  const pages = Math.max(1, Math.ceil(total / 20));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t.contractOrders}</Title>
        <Button component={Link} to="/contract-orders/new">{t.newSale}</Button>
      </Group>
      <Card withBorder>
        <form role="search" aria-label={t.filter} onSubmit={(e) => e.preventDefault()}>
          <Group align="flex-end">
            <NativeSelect label={t.orderStage} value={stage} onChange={(e) => set('stage', e.currentTarget.value)}
              data={[{ value: '', label: t.allStages }, ...STAGES.map((s) => ({ value: s, label: t.stages[s] ?? s }))]} />
            <NativeSelect label={t.status} value={status} onChange={(e) => set('status', e.currentTarget.value)}
              data={[{ value: '', label: t.allStatuses }, ...STATUSES.map((s) => ({ value: s, label: t.orderStatus[s] ?? s }))]} />
          </Group>
        </form>
      </Card>
      <Card withBorder>
        <section aria-labelledby="order-list">
          <Title order={2} size="h4" id="order-list">{t.orders}</Title>
          <div aria-live="polite">
            {orders.isSuccess && <Text size="sm">{t.orderCount(total)}</Text>}
          </div>
          {orders.isError && <Refusal error={orders.error} />}
          {orders.isSuccess && (orders.data.items ?? []).length > 0 && (
            <Table aria-labelledby="order-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.orderNumber}</Table.Th><Table.Th>{t.created}</Table.Th><Table.Th>{t.customer}</Table.Th>
                  <Table.Th>{t.orderKind}</Table.Th><Table.Th>{t.meteringPoint}</Table.Th><Table.Th>{t.startDate}</Table.Th>
                  <Table.Th>{t.orderStage}</Table.Th><Table.Th>{t.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(orders.data.items ?? []).map((o) => (
                  <Table.Tr key={o.orderNumber}>
                    <Table.Td><Anchor component={Link} to={`/contract-orders/${o.orderNumber}`}>{o.orderNumber}</Anchor></Table.Td>
                    <Table.Td>{formatDateTime(o.createdAt)}</Table.Td>
                    <Table.Td>{o.customerNumber
                      ? <Anchor component={Link} to={`/customers/${o.customerNumber}`}>{o.customerName}</Anchor> : o.customerName}</Table.Td>
                    <Table.Td>{t.orderKinds[o.kind ?? ''] ?? o.kind}</Table.Td>
                    <Table.Td><Text span ff="monospace" size="sm">{o.meteringPointId}</Text></Table.Td>
                    <Table.Td>{formatDate(o.startDate)}</Table.Td>
                    <Table.Td>{t.stages[o.stage ?? ''] ?? o.stage}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={statusColours[o.status ?? ''] ?? 'gray'} c="dark">{t.orderStatus[o.status ?? ''] ?? o.status}</Badge>
                      {o.stopReason && <Text size="xs">{o.stopReason}</Text>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {orders.isSuccess && pages > 1 && (
            <Group mt="sm">
              <Button variant="default" disabled={page === 0} onClick={() => set('page', String(page - 1))}>{t.previousPage}</Button>
              <Text size="sm">{t.pageOf(page + 1, pages)}</Text>
              <Button variant="default" disabled={page + 1 >= pages} onClick={() => set('page', String(page + 1))}>{t.nextPage}</Button>
            </Group>
          )}
        </section>
      </Card>
    </Stack>
  );
}
