import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data, downloadFile } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/useTitle';
import { deliveryQueries } from './queries';

/** Paper invoices for the print partner (billing, admin): close the open sends into a batch, the batches, each one's zip. */
export default function PrintBatchesPage() {
  const { t } = useI18n();
  useTitle(t.printBatches);
  const queryClient = useQueryClient();
  const batches = useQuery(deliveryQueries.printBatches());
  const [downloading, setDownloading] = useState<unknown>(null);
  const close = useMutation({
    // 201 with the batch, or 204 when nothing waits for print (then no data)
    mutationFn: async () => (data(await api.POST('/api/v1/print-batches')) ?? null),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: deliveryQueries.printBatches().queryKey }),
  });
  return (
    <Stack>
      <Title order={1}>{t.printBatches}</Title>
      <Card withBorder>
        <Text size="sm">{t.printBatchesHint}</Text>
        <Group mt="sm"><Button loading={close.isPending} onClick={() => close.mutate()}>{t.closePrintBatch}</Button></Group>
        <div aria-live="polite">
          {close.isSuccess && (
            <Text role="status" mt="xs">{close.data?.id ? t.printBatchClosed(close.data.id, close.data.items ?? 0) : t.printBatchEmpty}</Text>
          )}
        </div>
        {close.isError && <Refusal error={close.error} />}
      </Card>
      <Card withBorder>
        <section aria-labelledby="print-batches">
          <Title order={2} size="h4" id="print-batches">{t.printBatches}</Title>
          {batches.isError && <Refusal error={batches.error} />}
          {downloading !== null && <Refusal error={downloading} />}
          {batches.isSuccess && batches.data.length === 0 && <Alert color="gray">{t.noPrintBatches}</Alert>}
          {batches.isSuccess && batches.data.length > 0 && (
            <Table aria-labelledby="print-batches">
              <Table.Thead>
                <Table.Tr><Table.Th>{t.printBatch}</Table.Th><Table.Th>{t.created}</Table.Th><Table.Th>{t.by}</Table.Th><Table.Th>{t.printItems}</Table.Th><Table.Th>{t.download}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batches.data.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>{b.id}</Table.Td>
                    <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                    <Table.Td>{b.createdBy}</Table.Td>
                    <Table.Td>{b.items}</Table.Td>
                    <Table.Td>
                      <Anchor component="button" type="button"
                        onClick={() => { setDownloading(null); downloadFile(`/api/v1/print-batches/${b.id}/file`, `print-batch-${b.id}.zip`).catch(setDownloading); }}>
                        {t.downloadBatch(b.id ?? 0)}
                      </Anchor>
                    </Table.Td>
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
