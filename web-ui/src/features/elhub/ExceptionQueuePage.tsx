import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { workItemQueries, type Filter } from './queries';

const STATUSES = ['OPEN', 'RETRIED', 'RESOLVED'] as const;
const KINDS = ['REJECTED', 'DATA_CONFLICT', 'NO_ANSWER', 'INBOUND_FAILED', 'INTEGRATION_ERROR'] as const;

/**
 * The Elhub exception queue: what about Elhub needs a person, filtered by status (open by default), kind and metering
 * point — the filter is in the URL, so a filtered queue can be linked to.
 */
export default function ExceptionQueuePage() {
  const { t } = useI18n();
  useTitle(t.exceptionQueue);
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'OPEN';
  const kind = params.get('kind') ?? '';
  const meteringPointId = params.get('meteringPointId') ?? '';
  const [point, setPoint] = useState(meteringPointId);
  const filter: Filter = {
    status: status === 'ALL' ? undefined : (status as Filter['status']),
    kind: kind === '' ? undefined : (kind as Filter['kind']),
    meteringPointId: meteringPointId === '' ? undefined : meteringPointId,
  };
  const items = useQuery(workItemQueries.list(filter));
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name); else next.set(name, value);
    setParams(next, { replace: true });
  };
  const errors = formErrors(items.error, ['meteringPointId', 'status', 'kind'], t.rules);
  return (
    <Stack>
      <Title order={1}>{t.exceptionQueue}</Title>
      <Card withBorder>
        <form role="search" aria-label={t.filter} noValidate onSubmit={(e) => { e.preventDefault(); set('meteringPointId', point.trim()); }}>
          <Group align="flex-end">
            <NativeSelect label={t.status} value={status} onChange={(e) => set('status', e.currentTarget.value)}
              data={[...STATUSES.map((s) => ({ value: s, label: t.workItemStatus[s] ?? s })), { value: 'ALL', label: t.allStatuses }]} />
            <NativeSelect label={t.workItemKind} value={kind} onChange={(e) => set('kind', e.currentTarget.value)}
              data={[{ value: '', label: t.allKinds }, ...KINDS.map((k) => ({ value: k, label: t.workItemKinds[k] ?? k }))]} />
            <TextInput label={t.meteringPointId} value={point} onChange={(e) => setPoint(e.currentTarget.value)} inputMode="numeric"
              error={errors.byField.meteringPointId} w={240} />
            <Button type="submit" variant="default">{t.filter}</Button>
          </Group>
        </form>
      </Card>
      <Card withBorder>
        <section aria-labelledby="work-items">
          <Title order={2} size="h4" id="work-items">{t.workItems}</Title>
          <div aria-live="polite">
            {items.isSuccess && <Text size="sm">{t.workItemCount(items.data.length)}</Text>}
          </div>
          {items.isError && !errors.byField.meteringPointId && <Refusal error={items.error} />}
          {items.isSuccess && items.data.length > 0 && (
            <Table aria-labelledby="work-items">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.workItem}</Table.Th><Table.Th>{t.created}</Table.Th><Table.Th>{t.workItemKind}</Table.Th>
                  <Table.Th>{t.meteringPoint}</Table.Th><Table.Th>{t.summary}</Table.Th><Table.Th>{t.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.data.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td><Anchor component={Link} to={`/elhub/work-items/${i.id}`}>{i.id}</Anchor></Table.Td>
                    <Table.Td>{formatDateTime(i.createdAt)}</Table.Td>
                    <Table.Td>{t.workItemKinds[i.kind ?? ''] ?? i.kind}</Table.Td>
                    <Table.Td>{i.meteringPoint
                      ? <Anchor component={Link} to={`/metering-points/${i.meteringPoint}`} ff="monospace">{i.meteringPoint}</Anchor> : '–'}</Table.Td>
                    <Table.Td>{i.summary}</Table.Td>
                    <Table.Td><Badge variant="light" color={i.status === 'OPEN' ? 'orange' : 'gray'} c="dark">{t.workItemStatus[i.status ?? ''] ?? i.status}</Badge></Table.Td>
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
