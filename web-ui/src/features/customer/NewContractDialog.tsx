import { Select, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { customerQueries } from './queries';
import { useOnOpen } from '../../lib/useOnOpen';
import { DateField } from '../../components/DateField';

export const productsQuery = { queryKey: ['products'], queryFn: async () => data(await api.GET('/api/v1/products', {})), staleTime: 300_000 };

/** A new contract with one delivery: metering point, product, start date. */
export function NewContractDialog({ customerNumber, opened, onClose }: { customerNumber: string; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const products = useQuery(productsQuery);
  const [point, setPoint] = useState('');
  const [product, setProduct] = useState<string | null>(null);
  const [start, setStart] = useState('');
  const open = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/contracts', {
      body: { customerNumber, startDate: start, deliveries: [{ meteringPointId: point, productCode: product ?? undefined, validFrom: start }] },
    })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerQueries.all(customerNumber) });
      onClose();
    },
  });
  useOnOpen(opened, () => { open.reset(); setPoint(''); setProduct(null); setStart(''); });
  const errors = formErrors(open.error, ['startDate', 'deliveries[0].meteringPointId', 'deliveries[0].productCode', 'deliveries[0].validFrom'], t.rules);
  return (
    <FormDialog opened={opened} onClose={onClose} title={t.newContract} submitLabel={t.save}
      pending={open.isPending} errors={errors.summary} onSubmit={() => open.mutate()}>
      <TextInput label={t.meteringPointId} value={point} onChange={(e) => setPoint(e.currentTarget.value)}
        error={errors.byField['deliveries[0].meteringPointId']} data-autofocus />
      <Select label={t.product} data={(products.data ?? []).map((p) => ({ value: p.code ?? '', label: `${p.name} (${p.code})` }))}
        value={product} onChange={setProduct} error={errors.byField['deliveries[0].productCode']} />
      <DateField label={t.startDate} value={start} onChange={setStart}
        error={errors.byField.startDate ?? errors.byField['deliveries[0].validFrom']} />
    </FormDialog>
  );
}
