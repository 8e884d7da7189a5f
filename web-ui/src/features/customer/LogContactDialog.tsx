import { Select, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { FormDialog } from '../../components/FormDialog';
import { customerQueries } from './queries';
import { useOnOpen } from '../../lib/useOnOpen';

const CHANNELS = ['PHONE', 'CHAT', 'EMAIL', 'LETTER', 'MEETING'] as const;

/** Logs a contact with the customer (kontaktlogg): channel and a summary. */
export function LogContactDialog({ customerNumber, opened, onClose }: { customerNumber: string; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('PHONE');
  const [summary, setSummary] = useState('');
  const log = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/partner/accounts/{customerNumber}/contacts', {
      params: { path: { customerNumber } }, body: { channel, summary },
    })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerQueries.contacts(customerNumber).queryKey });
      setSummary('');
      onClose();
    },
  });
  useOnOpen(opened, () => { log.reset(); setSummary(''); setChannel('PHONE'); });
  const errors = formErrors(log.error, ['channel', 'summary'], t.rules);
  return (
    <FormDialog opened={opened} onClose={onClose} title={t.logContact} submitLabel={t.save}
      pending={log.isPending} errors={errors.summary} onSubmit={() => log.mutate()}>
      <Select label={t.channel} data={CHANNELS.map((c) => ({ value: c, label: t.channels[c] ?? c }))} value={channel}
        onChange={(v) => v && setChannel(v as (typeof CHANNELS)[number])} allowDeselect={false} error={errors.byField.channel} />
      <Textarea label={t.summary} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={3}
        error={errors.byField.summary} data-autofocus />
    </FormDialog>
  );
}
