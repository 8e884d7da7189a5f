import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

export const invoiceQueries = {
  detail: (invoiceNumber: string) =>
    queryOptions({
      queryKey: ['invoices', invoiceNumber],
      queryFn: async () => data(await api.GET('/api/v1/invoices/{invoiceNumber}', { params: { path: { invoiceNumber: Number(invoiceNumber) } } })),
    }),
  arrangementOptions: (customerNumber: string) =>
    queryOptions({
      queryKey: ['customers', customerNumber, 'arrangement-options'],
      queryFn: async () => data(await api.GET('/api/v1/partner/accounts/{customerNumber}/payment-arrangement-options', {
        params: { path: { customerNumber } },
      })),
    }),
};
