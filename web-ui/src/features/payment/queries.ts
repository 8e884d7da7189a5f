import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

export const paymentQueries = {
  all: () => ['payments'] as const,
  queue: (page: number) =>
    queryOptions({
      queryKey: [...paymentQueries.all(), 'queue', page],
      queryFn: async () => data(await api.GET('/api/v1/payment-queue', { params: { query: { page, size: 20 } } })),
    }),
};
