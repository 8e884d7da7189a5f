import { Anchor, Button, Fieldset, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { useOnOpen } from '../../lib/useOnOpen';
import { ProcessFacts } from './ProcessFacts';
import { awaitingElhub, sendWindowRule, supplyEndBody, type SupplyEndForm } from './processes';
import { supplyProcessQueries } from './queries';

const EMPTY: SupplyEndForm = { kind: 'MOVE_OUT', endDate: '', street: '', postcode: '', city: '' };

/**
 * "Flytting/oppsigelse (Elhub)" for one metering point on the customer 360: a move-out (BRS-NO-201) with the address the
 * final invoice goes to, or a termination (202), from a date. Once asked, the dialog shows the process and follows it
 * until Elhub has answered; a refusal (the send window, the point not ours) is shown at the field the API names.
 */
export function SupplyEndDialog({ customerNumber, meteringPointId, onClose, onAnswered }: {
  customerNumber: string; meteringPointId: string | null; onClose: () => void;
  /** Elhub answered (a confirmed end has ended the delivery): what the screen behind shows has changed. */
  onAnswered: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SupplyEndForm>(EMPTY);
  const send = useMutation({
    mutationFn: async () =>
      data(await api.POST('/api/v1/elhub/supply-ends', { body: supplyEndBody(meteringPointId ?? '', customerNumber, form) })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: supplyProcessQueries.all }),
  });
  useOnOpen(meteringPointId, () => { send.reset(); setForm(EMPTY); });
  const set = (part: Partial<SupplyEndForm>) => setForm((f) => ({ ...f, ...part }));

  if (send.data?.id !== undefined) {
    return <Asked id={send.data.id} meteringPointId={meteringPointId ?? ''} opened={meteringPointId !== null} onClose={onClose}
      onAnswered={onAnswered} />;
  }
  const errors = formErrors(send.error, ['kind', 'endDate', 'newAddress', 'address'], { ...t.rules, ...sendWindowRule(send.error, t.sendWindowRefused) });
  return (
    <FormDialog opened={meteringPointId !== null} onClose={onClose} title={t.endSupply} submitLabel={t.sendToElhub}
      pending={send.isPending} errors={errors.summary} onSubmit={() => send.mutate()}>
      <Text size="sm">{t.meteringPointId} <Text span ff="monospace" inherit>{meteringPointId}</Text></Text>
      <Radio.Group label={t.endSupplyKind} value={form.kind} onChange={(v) => set({ kind: v as SupplyEndForm['kind'] })}
        error={errors.byField.kind} required>
        <Stack gap="xs" mt="xs">
          <Radio value="MOVE_OUT" label={t.endSupplyKinds.MOVE_OUT} />
          <Radio value="TERMINATION" label={t.endSupplyKinds.TERMINATION} />
        </Stack>
      </Radio.Group>
      <DateField label={t.supplyEndDate} description={t.supplyEndDateHint} required value={form.endDate}
        onChange={(endDate) => set({ endDate })} error={errors.byField.endDate} data-autofocus />
      {form.kind === 'MOVE_OUT' && (
        <Fieldset legend={t.newAddress}>
          <Text size="sm" mb="xs">{t.newAddressHint}</Text>
          <Stack gap="xs">
            <TextInput label={t.street} required value={form.street} onChange={(e) => set({ street: e.currentTarget.value })}
              error={errors.byField.newAddress} autoComplete="off" />
            <Group grow align="flex-start">
              <TextInput label={t.postcode} required value={form.postcode} inputMode="numeric" maxLength={4}
                onChange={(e) => set({ postcode: e.currentTarget.value })} error={errors.byField.address} autoComplete="off" />
              <TextInput label={t.city} required value={form.city} onChange={(e) => set({ city: e.currentTarget.value })}
                autoComplete="off" />
            </Group>
          </Stack>
        </Fieldset>
      )}
    </FormDialog>
  );
}

/** The process just asked, followed until Elhub has answered. */
function Asked({ id, meteringPointId, opened, onClose, onAnswered }: {
  id: number; meteringPointId: string; opened: boolean; onClose: () => void; onAnswered: () => void;
}) {
  const { t } = useI18n();
  const process = useQuery(supplyProcessQueries.one(id));
  const waiting = process.data ? awaitingElhub(process.data) : true;
  useEffect(() => { if (!waiting) onAnswered(); }, [waiting, onAnswered]);
  return (
    <Modal opened={opened} onClose={onClose} title={t.endSupply} closeButtonProps={{ 'aria-label': t.close }}>
      <Stack>
        <Text>{t.supplyEndQueued}</Text>
        {process.isError && <Refusal error={process.error} />}
        {process.data && <ProcessFacts p={process.data} />}
        <Group justify="space-between">
          <Anchor component={Link} to={`/metering-points/${meteringPointId}`}>{t.seeSupplyProcesses}</Anchor>
          <Button onClick={onClose} data-autofocus>{t.close}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
