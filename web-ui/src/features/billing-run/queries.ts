import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

export const billingRunQueries = {
  all: () => ['billing-runs'] as const,
  recent: () =>
    queryOptions({
      queryKey: [...billingRunQueries.all(), 'recent'],
      queryFn: async () => data(await api.GET('/api/v1/billing-runs')),
      // a run in the list still running: follow it
      refetchInterval: (query) => ((query.state.data ?? []).some((r) => r.status === 'STARTED') ? 2000 : false),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...billingRunQueries.all(), id],
      queryFn: async () => data(await api.GET('/api/v1/billing-runs/{id}', { params: { path: { id: Number(id) } } })),
      // live progress while it runs: the counters and failures as the chunks commit, no reload
      refetchInterval: (query) => (query.state.data?.status === 'STARTED' ? 1000 : false),
    }),
  recalculationNeeds: () =>
    queryOptions({
      queryKey: ['recalculation-needs'],
      queryFn: async () => data(await api.GET('/api/v1/recalculation-needs')),
    }),
};
