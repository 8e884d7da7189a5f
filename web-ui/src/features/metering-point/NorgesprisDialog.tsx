import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { FormDialog } from '../../components/FormDialog';
import { meteringPointQueries } from './queries';
import { useOnOpen } from '../../lib/useOnOpen';
import { DateField } from '../../components/DateField';

/** "Bestill Norgespris" with a from-date, or "Kanseller": a command to Elhub, followed in the command list. */
export function NorgesprisDialog({ meteringPointId, action, onClose }: {
  meteringPointId: string; action: 'order' | 'cancel' | null; onClose: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [startDate, setStartDate] = useState('');
  const send = useMutation({
    mutationFn: async () => {
      const path = { path: { meteringPointId } };
      return action === 'order'
        ? data(await api.POST('/api/v1/metering-points/{meteringPointId}/norgespris/order', { params: path, body: { startDate } }))
        : data(await api.POST('/api/v1/metering-points/{meteringPointId}/norgespris/cancel', { params: path }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meteringPointQueries.all(meteringPointId) });
      onClose();
    },
  });
  useOnOpen(action, () => { send.reset(); setStartDate(''); });
  const errors = formErrors(send.error, ['startDate'], t.rules);
  const label = action === 'order' ? t.orderNorgespris : t.cancelNorgespris;
  return (
    <FormDialog opened={action !== null} onClose={onClose} title={label} submitLabel={label}
      pending={send.isPending} errors={errors.summary} onSubmit={() => send.mutate()}>
      {action === 'order' ? (
        <DateField label={t.fromDate} required value={startDate} onChange={setStartDate}
          error={errors.byField.startDate} data-autofocus />
      ) : <Text>{t.cancelNorgesprisText}</Text>}
    </FormDialog>
  );
}
