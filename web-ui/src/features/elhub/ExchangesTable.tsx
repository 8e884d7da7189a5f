import { Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';

type Exchange = components['schemas']['Exchange'];

/**
 * A metering point's integration log as a table — what went to and came from Elhub (personal data masked by the API) —
 * under the heading whose id is {@code labelledBy}; used by the Elhub work item and the contract order's start of supply.
 */
export function ExchangesTable({ log, labelledBy }: { log: UseQueryResult<Exchange[]>; labelledBy: string }) {
  const { t } = useI18n();
  return (
    <>
      {log.isError && <Refusal error={log.error} />}
      {log.isSuccess && log.data.length === 0 && <Text size="sm">{t.noExchanges}</Text>}
      {log.isSuccess && log.data.length > 0 && (
        <Table aria-labelledby={labelledBy}>
          <Table.Thead>
            <Table.Tr><Table.Th>{t.time}</Table.Th><Table.Th>{t.channel}</Table.Th><Table.Th>{t.request}</Table.Th><Table.Th>{t.status}</Table.Th><Table.Th>{t.response}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{formatDateTime(x.at)}</Table.Td>
                <Table.Td>{x.channel}</Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{x.method} {x.url}</Text></Table.Td>
                <Table.Td>{x.status ?? x.error}</Table.Td>
                <Table.Td><Text size="sm" ff="monospace" lineClamp={3}>{x.response}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
