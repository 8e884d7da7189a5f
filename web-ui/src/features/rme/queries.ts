import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

export const rmeQueries = {
  all: () => ['rme-reports'] as const,
  list: () => queryOptions({ queryKey: [...rmeQueries.all(), 'list'], queryFn: async () => data(await api.GET('/api/v1/rme-reports')) }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...rmeQueries.all(), id],
      queryFn: async () => data(await api.GET('/api/v1/rme-reports/{id}', { params: { path: { id } } })),
    }),
};
