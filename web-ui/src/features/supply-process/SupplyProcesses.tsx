import { Button, Group, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useOnOpen } from '../../lib/useOnOpen';
import { ElhubAnswer } from './ProcessFacts';
import { allowedActions, isEnd, type SupplyProcess } from './processes';
import { supplyProcessQueries } from './queries';

type Action = { kind: 'cancel' | 'rollback'; process: SupplyProcess };

/**
 * "Leverandørprosesser (Elhub)" on the metering point: its starts and ends of our supply, newest first, with what Elhub
 * answered, and Cancel (before Elhub's deadline) or Roll back (after it, a correction with its reason) where the API
 * allows it. Followed while one waits for Elhub.
 */
export function SupplyProcesses({ meteringPointId }: { meteringPointId: string }) {
  const { t } = useI18n();
  const processes = useQuery(supplyProcessQueries.forMeteringPoint(meteringPointId));
  const [action, setAction] = useState<Action | null>(null);
  const items = processes.data ?? [];
  return (
    <section aria-labelledby="supply-processes">
      <Title order={2} size="h4" id="supply-processes">{t.supplyProcesses}</Title>
      {processes.isError && <Refusal error={processes.error} />}
      {processes.isSuccess && items.length === 0 && <Text size="sm">{t.noSupplyProcesses}</Text>}
      {items.length > 0 && (
        <Table aria-labelledby="supply-processes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.supplyProcess}</Table.Th><Table.Th>{t.processDate}</Table.Th><Table.Th>{t.status}</Table.Th>
              <Table.Th>{t.elhubAnswer}</Table.Th><Table.Th>{t.sentAt}</Table.Th><Table.Th>{t.confirmedAt}</Table.Th>
              <Table.Th>{t.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => {
              const kind = t.supplyKinds[p.kind ?? ''] ?? p.kind ?? '';
              const allowed = allowedActions(p);
              const label = (a: string) => t.processActionLabel(a, kind.toLowerCase(), formatDate(p.startDate));
              return (
                <Table.Tr key={p.id}>
                  <Table.Td>{kind} <Text span size="sm" ff="monospace">{p.brs}</Text></Table.Td>
                  <Table.Td>{formatDate(p.startDate)}</Table.Td>
                  <Table.Td aria-live="polite">
                    {t.supplyStatus[p.status ?? ''] ?? p.status}
                    {p.sendFrom && !p.sentAt && p.status === 'REQUESTED' && <Text size="sm">{t.heldUntil(formatDate(p.sendFrom))}</Text>}
                  </Table.Td>
                  <Table.Td><ElhubAnswer p={p} compact /></Table.Td>
                  <Table.Td>{formatDateTime(p.sentAt)}</Table.Td>
                  <Table.Td>{formatDateTime(p.confirmedAt ?? p.notifiedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {allowed.cancel && (
                        <Button size="compact-xs" variant="default" aria-label={label(t.cancelProcess)}
                          onClick={() => setAction({ kind: 'cancel', process: p })}>{t.cancelProcess}</Button>
                      )}
                      {allowed.rollback && (
                        <Button size="compact-xs" variant="default" aria-label={label(t.rollbackProcess)}
                          onClick={() => setAction({ kind: 'rollback', process: p })}>{t.rollbackProcess}</Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <ProcessActionDialog action={action} onClose={() => setAction(null)} />
    </section>
  );
}

/** Cancel (the request again as E02) or roll back (BRS-NO-111/221, with the mistake it corrects): queued to Elhub. */
function ProcessActionDialog({ action, onClose }: { action: Action | null; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: async () => {
      if (!action) throw new Error('no process');
      const params = { path: { id: action.process.id ?? 0 } };
      const end = isEnd(action.process);
      if (action.kind === 'cancel') {
        return end ? data(await api.POST('/api/v1/elhub/supply-ends/{id}/cancel', { params }))
          : data(await api.POST('/api/v1/elhub/supply-starts/{id}/cancel', { params }));
      }
      const body = { reason };
      return end ? data(await api.POST('/api/v1/elhub/supply-ends/{id}/rollback', { params, body }))
        : data(await api.POST('/api/v1/elhub/supply-starts/{id}/rollback', { params, body }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: supplyProcessQueries.all });
      onClose();
    },
  });
  useOnOpen(action, () => { send.reset(); setReason(''); });
  const errors = formErrors(send.error, ['reason'], t.rules);
  const p = action?.process;
  const cancel = action?.kind === 'cancel';
  return (
    <FormDialog opened={action !== null} onClose={onClose} title={cancel ? t.cancelProcessTitle : t.rollbackProcessTitle}
      submitLabel={cancel ? t.cancelProcessTitle : t.rollbackProcessTitle} pending={send.isPending} errors={errors.summary}
      onSubmit={() => send.mutate()}>
      {p && <Text size="sm">{p.brs} · {t.supplyKinds[p.kind ?? ''] ?? p.kind} · {formatDate(p.startDate)} · {t.supplyStatus[p.status ?? ''] ?? p.status}</Text>}
      {cancel ? <Text>{t.cancelProcessText}</Text> : (
        <Textarea label={t.rollbackReason} description={t.rollbackReasonHint} required value={reason}
          onChange={(e) => setReason(e.currentTarget.value)} error={errors.byField.reason} autosize minRows={2} data-autofocus />
      )}
    </FormDialog>
  );
}
