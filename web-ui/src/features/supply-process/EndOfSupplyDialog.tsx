import { Fieldset, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { useOnOpen } from '../../lib/useOnOpen';
import { type SupplyProcess, supplyProcessQueries } from './queries';

export type EndOfSupplyTarget = { customerNumber: string; meteringPointId: string };

/**
 * Ending our supply through Elhub: a move-out (BRS-NO-201, with the customer's new address, where the final invoice
 * goes) or a termination (202), from the first day no longer ours. The API checks the send window and that we supply
 * the point, and says which field is wrong.
 */
export function EndOfSupplyDialog({ target, onClose, onSent }: {
  target: EndOfSupplyTarget | null; onClose: () => void; onSent: (p: SupplyProcess) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'MOVE_OUT' | 'TERMINATION'>('MOVE_OUT');
  const [endDate, setEndDate] = useState('');
  const [street, setStreet] = useState('');
  const [postcode, setPostcode] = useState('');
  const [city, setCity] = useState('');
  const send = useMutation({
    mutationFn: async () => {
      if (!target) throw new Error('no metering point');
      const newAddress = kind === 'MOVE_OUT' || street || postcode || city ? { street, postcode, city } : undefined;
      return data(await api.POST('/api/v1/elhub/supply-ends', {
        body: { kind, meteringPointId: target.meteringPointId, customerNumber: target.customerNumber, endDate: endDate || undefined, newAddress },
      }));
    },
    onSuccess: (p) => {
      if (target) void queryClient.invalidateQueries({ queryKey: supplyProcessQueries.all(target.meteringPointId) });
      onSent(p);
      onClose();
    },
  });
  useOnOpen(target, () => { send.reset(); setKind('MOVE_OUT'); setEndDate(''); setStreet(''); setPostcode(''); setCity(''); });
  const errors = formErrors(send.error, ['kind', 'endDate', 'newAddress', 'address.street', 'address.postcode', 'address.city', 'meteringPointId'], t.rules);
  const addressError = errors.byField.newAddress ?? errors.byField['address.street'];
  return (
    <FormDialog opened={target !== null} onClose={onClose} title={t.supply.endTitle} submitLabel={t.supply.send}
      pending={send.isPending} errors={errors.summary} onSubmit={() => send.mutate()}>
      <Text size="sm">{t.meteringPointId} <Text span ff="monospace" inherit>{target?.meteringPointId}</Text></Text>
      <Radio.Group label={t.supply.kindLabel} value={kind} onChange={(v) => setKind(v as 'MOVE_OUT' | 'TERMINATION')}
        error={errors.byField.kind ?? errors.byField.meteringPointId}>
        <Group mt="xs">
          <Radio value="MOVE_OUT" label={t.supply.kinds.MOVE_OUT} />
          <Radio value="TERMINATION" label={t.supply.kinds.TERMINATION} />
        </Group>
      </Radio.Group>
      <DateField label={t.supply.endDate} description={t.supply.endDateHint} required value={endDate} onChange={setEndDate}
        error={errors.byField.endDate} data-autofocus />
      <Fieldset variant="unstyled" legend={kind === 'MOVE_OUT' ? t.supply.newAddress : t.supply.newAddressOptional}>
        <Stack gap="xs">
        <TextInput label={t.street} value={street} onChange={(e) => setStreet(e.currentTarget.value)}
          error={addressError} required={kind === 'MOVE_OUT'} />
        <Group grow>
          <TextInput label={t.postcode} value={postcode} onChange={(e) => setPostcode(e.currentTarget.value)}
            error={errors.byField['address.postcode']} required={kind === 'MOVE_OUT'} />
          <TextInput label={t.city} value={city} onChange={(e) => setCity(e.currentTarget.value)}
            error={errors.byField['address.city']} required={kind === 'MOVE_OUT'} />
        </Group>
        </Stack>
      </Fieldset>
    </FormDialog>
  );
}
