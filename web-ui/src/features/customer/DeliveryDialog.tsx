import { Select, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { productsQuery } from './NewContractDialog';
import { customerQueries } from './queries';
import { useOnOpen } from '../../lib/useOnOpen';
import { DateField } from '../../components/DateField';

export type DeliveryAction = { kind: 'product' | 'end'; contractNumber: number; version: number; deliveryId: number; meteringPointId: string };

/** Change a delivery's product (tariff) from a date, or end the delivery on a date. */
export function DeliveryDialog({ customerNumber, action, onClose }: { customerNumber: string; action: DeliveryAction | null; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const products = useQuery(productsQuery);
  const [date, setDate] = useState('');
  const [product, setProduct] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: async () => {
      if (!action) throw new Error('no delivery');
      const path = { contractNumber: String(action.contractNumber), deliveryId: action.deliveryId };
      return action.kind === 'product'
        ? data(await api.POST('/api/v1/contracts/{contractNumber}/deliveries/{deliveryId}/product-change', {
            params: { path }, body: { date, productCode: product ?? undefined, version: action.version },
          }))
        : data(await api.POST('/api/v1/contracts/{contractNumber}/deliveries/{deliveryId}/end', {
            params: { path }, body: { endDate: date, version: action.version },
          }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerQueries.all(customerNumber) });
      setDate('');
      onClose();
    },
  });
  useOnOpen(action, () => { send.reset(); setDate(''); setProduct(null); });
  const errors = formErrors(send.error, ['date', 'endDate', 'productCode'], t.rules);
  const title = action?.kind === 'product' ? t.changeProduct : t.endDelivery;
  return (
    <FormDialog opened={action !== null} onClose={onClose} title={title} submitLabel={title}
      pending={send.isPending} errors={errors.summary} onSubmit={() => send.mutate()}>
      <Text size="sm">{t.meteringPointId} <Text span ff="monospace" inherit>{action?.meteringPointId}</Text></Text>
      {action?.kind === 'product' && (
        <Select label={t.newProduct} data={(products.data ?? []).map((p) => ({ value: p.code ?? '', label: `${p.name} (${p.code})` }))}
          value={product} onChange={setProduct} error={errors.byField.productCode} />
      )}
      <DateField label={action?.kind === 'product' ? t.fromDate : t.endDate} value={date}
        onChange={setDate} error={errors.byField.date ?? errors.byField.endDate} data-autofocus />
    </FormDialog>
  );
}
