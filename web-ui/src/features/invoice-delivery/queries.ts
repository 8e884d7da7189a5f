import { queryOptions } from '@tanstack/react-query';
import { ApiError, api, data } from '../../api/client';

export type QueueStatus = 'FAILED' | 'WAITING' | 'RESOLVED';

/** Query keys and fetchers of an invoice's delivery, the delivery work queue and the print batches. */
export const deliveryQueries = {
  all: ['invoice-deliveries'] as const,
  ofInvoice: (invoiceNumber: string) =>
    queryOptions({
      queryKey: ['invoices', invoiceNumber, 'delivery'],
      // no delivery yet is an answer, not a failure: null
      queryFn: async () => {
        try {
          return data(await api.GET('/api/v1/invoices/{invoiceNumber}/deliveries', { params: { path: { invoiceNumber: Number(invoiceNumber) } } }));
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) return null;
          throw e;
        }
      },
    }),
  queue: (status: QueueStatus) =>
    queryOptions({
      queryKey: [...deliveryQueries.all, status],
      queryFn: async () => data(await api.GET('/api/v1/invoice-deliveries', { params: { query: { status, limit: 200 } } })),
    }),
  printBatches: () =>
    queryOptions({
      queryKey: ['print-batches'],
      queryFn: async () => data(await api.GET('/api/v1/print-batches')),
    }),
};
