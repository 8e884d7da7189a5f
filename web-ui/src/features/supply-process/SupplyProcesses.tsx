import { Alert, Button, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useOnOpen } from '../../lib/useOnOpen';
import { correctionsOf, isEnd, type SupplyProcess, supplyProcessQueries } from './queries';

/**
 * A metering point's supply processes in Elhub (leverandørprosesser): our starts (BRS-NO-101–104) and ends (201/202),
 * what Elhub answered, and the corrections still possible — cancel before Elhub's deadline, roll back after it
 * (BRS-NO-111 / 221, with the error it corrects).
 */
export function SupplyProcesses({ meteringPointId }: { meteringPointId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const processes = useQuery(supplyProcessQueries.forMeteringPoint(meteringPointId));
  const [rollingBack, setRollingBack] = useState<SupplyProcess | null>(null);
  const cancel = useMutation({
    mutationFn: async (p: SupplyProcess) => {
      const params = { params: { path: { id: p.id ?? 0 } } };
      return isEnd(p)
        ? data(await api.POST('/api/v1/elhub/supply-ends/{id}/cancel', params))
        : data(await api.POST('/api/v1/elhub/supply-starts/{id}/cancel', params));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: supplyProcessQueries.all(meteringPointId) }),
  });
  const items = processes.data ?? [];
  return (
    <section aria-labelledby="supply-processes">
      <Title order={2} size="h4" id="supply-processes">{t.supply.title}</Title>
      {processes.isError && <Refusal error={processes.error} />}
      {cancel.isError && <Alert color="red" title={t.supply.cancelRefused} role="alert">{formErrors(cancel.error, [], t.rules).summary.join(' ')}</Alert>}
      {processes.isSuccess && items.length === 0 && <Text size="sm">{t.supply.none}</Text>}
      {items.length > 0 && (
        <Table aria-live="polite" data-testid="supply-processes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.supply.process}</Table.Th><Table.Th>{t.supply.date}</Table.Th><Table.Th>{t.status}</Table.Th>
              <Table.Th>{t.supply.elhubAnswer}</Table.Th><Table.Th>{t.supply.requested}</Table.Th><Table.Th>{t.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => {
              const can = correctionsOf(p);
              const name = `${t.supply.kinds[p.kind ?? ''] ?? p.kind} (${p.brs})`;
              return (
                <Table.Tr key={p.id} data-process={p.id}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>{formatDate(p.startDate)}</Table.Td>
                  <Table.Td>
                    {t.supply.statuses[p.status ?? ''] ?? p.status}
                    {p.sendFrom && p.status === 'REQUESTED' && <Text size="sm">{t.supply.heldUntil(formatDate(p.sendFrom))}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {p.reasonCode || p.reason ? <Text size="sm">{[p.reasonCode, p.reason].filter(Boolean).join(': ')}</Text> : null}
                    {p.confirmedAt && <Text size="sm">{t.supply.confirmedAt(formatDateTime(p.confirmedAt))}</Text>}
                    {p.notifiedAt && <Text size="sm">{t.supply.notifiedAt(formatDateTime(p.notifiedAt))}</Text>}
                  </Table.Td>
                  <Table.Td>{formatDateTime(p.requestedAt)} {p.requestedBy}{p.sentAt && <Text size="sm">{t.supply.sentAt(formatDateTime(p.sentAt))}</Text>}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {can.cancel && (
                        <Button size="compact-xs" variant="default" aria-label={`${t.supply.cancel} ${name}`}
                          loading={cancel.isPending && cancel.variables?.id === p.id} onClick={() => cancel.mutate(p)}>{t.supply.cancel}</Button>
                      )}
                      {can.rollback && (
                        <Button size="compact-xs" variant="default" aria-label={`${t.supply.rollback} ${name}`}
                          onClick={() => setRollingBack(p)}>{t.supply.rollback}</Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <RollbackDialog meteringPointId={meteringPointId} process={rollingBack} onClose={() => setRollingBack(null)} />
    </section>
  );
}

/** A rollback says which error it corrects: Elhub allows one for corrections only. */
function RollbackDialog({ meteringPointId, process, onClose }: { meteringPointId: string; process: SupplyProcess | null; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: async () => {
      if (!process) throw new Error('no process');
      const request = { params: { path: { id: process.id ?? 0 } }, body: { reason } };
      return isEnd(process)
        ? data(await api.POST('/api/v1/elhub/supply-ends/{id}/rollback', request))
        : data(await api.POST('/api/v1/elhub/supply-starts/{id}/rollback', request));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: supplyProcessQueries.all(meteringPointId) });
      onClose();
    },
  });
  useOnOpen(process, () => { send.reset(); setReason(''); });
  const errors = formErrors(send.error, ['reason'], t.rules);
  return (
    <FormDialog opened={process !== null} onClose={onClose} title={t.supply.rollbackTitle} submitLabel={t.supply.rollback}
      pending={send.isPending} errors={errors.summary} onSubmit={() => send.mutate()}>
      <Text size="sm">{t.supply.rollbackHint}</Text>
      <TextInput label={t.supply.rollbackReason} required value={reason} onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.byField.reason} data-autofocus />
    </FormDialog>
  );
}
