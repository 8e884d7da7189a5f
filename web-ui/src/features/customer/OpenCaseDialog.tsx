import { Checkbox, Select, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { customerQueries } from './queries';
import { useOnOpen } from '../../lib/useOnOpen';
import { useCurrentUser } from '../../auth/RequireSignIn';
import { DateField } from '../../components/DateField';

const KINDS = ['ENQUIRY', 'COMPLAINT', 'WORK_ORDER'] as const;

/** Open a case (sak) on the customer: kind, title, description, deadline, flagged for follow-up. */
export function OpenCaseDialog({ customerNumber, opened, onClose }: { customerNumber: string; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // a case staff open is theirs (my cases on the home screen)
  const me = useCurrentUser().data?.profile.sub;
  const [kind, setKind] = useState<(typeof KINDS)[number]>('ENQUIRY');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [deadline, setDeadline] = useState('');
  const [flagged, setFlagged] = useState(false);
  const open = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/cases', {
      body: { customerNumber, kind, title, description, deadline: deadline || undefined, flagged, owner: me },
    })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerQueries.cases(customerNumber).queryKey });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      setTitle(''); setDescription(''); setDeadline(''); setFlagged(false);
      onClose();
    },
  });
  useOnOpen(opened, () => { open.reset(); setKind('ENQUIRY'); setTitle(''); setDescription(''); setDeadline(''); setFlagged(false); });
  const errors = formErrors(open.error, ['kind', 'title', 'description', 'deadline'], t.rules);
  return (
    <FormDialog opened={opened} onClose={onClose} title={t.openCase} submitLabel={t.openCase}
      pending={open.isPending} errors={errors.summary} onSubmit={() => open.mutate()}>
      <Select label={t.caseKind} data={KINDS.map((k) => ({ value: k, label: t.caseKinds[k] ?? k }))} value={kind}
        onChange={(v) => v && setKind(v as (typeof KINDS)[number])} allowDeselect={false} />
      <TextInput label={t.title} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.byField.title} data-autofocus />
      <Textarea label={t.description} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={3}
        error={errors.byField.description} />
      <DateField label={t.deadline} value={deadline} onChange={setDeadline} error={errors.byField.deadline} />
      <Checkbox label={t.flagForFollowUp} checked={flagged} onChange={(e) => setFlagged(e.currentTarget.checked)} />
    </FormDialog>
  );
}
