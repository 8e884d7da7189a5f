import { Anchor, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/useTitle';
import { deliveryQueries, type QueueStatus } from './queries';

const STATUSES: QueueStatus[] = ['FAILED', 'WAITING', 'RESOLVED'];

/**
 * The delivery work queue: deliveries no channel could make (failed, the default), those whose channel fails for now
 * and is being retried (waiting), and those a person resolved — the status in the URL; each with its plan and its last
 * event (the bounce, the refusal, the rule an EHF broke), opened on the invoice, where it is sent again or resolved.
 */
export default function DeliveryQueuePage() {
  const { t } = useI18n();
  useTitle(t.deliveryQueue);
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? 'FAILED';
  const status: QueueStatus = STATUSES.includes(raw as QueueStatus) ? (raw as QueueStatus) : 'FAILED';
  const items = useQuery(deliveryQueries.queue(status));
  const channel = (c: string | undefined) => t.deliveryChannels[c ?? ''] ?? c ?? '–';
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t.deliveryQueue}</Title>
        <Anchor component={Link} to="/print-batches">{t.printBatches}</Anchor>
      </Group>
      <Card withBorder>
        <form role="search" aria-label={t.filter} onSubmit={(e) => e.preventDefault()}>
          <Group align="flex-end">
            <NativeSelect label={t.status} value={status}
              onChange={(e) => setParams(new URLSearchParams({ status: e.currentTarget.value }), { replace: true })}
              data={STATUSES.map((s) => ({ value: s, label: t.deliveryQueueStatuses[s] ?? s }))} />
          </Group>
        </form>
      </Card>
      <Card withBorder>
        <section aria-labelledby="delivery-queue">
          <Title order={2} size="h4" id="delivery-queue">{t.deliveryQueueItems}</Title>
          <div aria-live="polite">{items.isSuccess && <Text size="sm">{t.deliveryCount(items.data.length)}</Text>}</div>
          {items.isError && <Refusal error={items.error} />}
          {items.isSuccess && items.data.length > 0 && (
            <Table aria-labelledby="delivery-queue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.invoice}</Table.Th><Table.Th>{t.changed}</Table.Th><Table.Th>{t.deliveryPlan}</Table.Th>
                  <Table.Th>{t.status}</Table.Th><Table.Th>{t.lastEvent}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.data.map((d) => {
                  const events = d.events ?? [];
                  // the event that says why: the last one that is not the bookkeeping of the queue itself
                  const why = [...events].reverse().find((e) => !['NO_CHANNEL', 'QUEUED', 'FALLBACK'].includes(e.kind ?? '')) ?? events.at(-1);
                  const last = events.at(-1);
                  return (
                    <Table.Tr key={d.id}>
                      <Table.Td><Anchor component={Link} to={`/invoices/${d.invoiceNumber}`}>{d.invoiceNumber}</Anchor></Table.Td>
                      <Table.Td>{formatDateTime(last?.at)}</Table.Td>
                      <Table.Td>{(d.plan ?? []).map(channel).join(' → ') || '–'}</Table.Td>
                      <Table.Td><Text size="sm">{t.deliveryStatuses[d.status ?? ''] ?? d.status}</Text></Table.Td>
                      <Table.Td>
                        {why ? (
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {channel(why.channel)}: {t.deliveryEventKinds[why.kind ?? ''] ?? why.kind}{why.detail ? ` – ${why.detail}` : ''}
                          </Text>
                        ) : '–'}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </section>
      </Card>
    </Stack>
  );
}
