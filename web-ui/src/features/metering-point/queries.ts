import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

export const meteringPointQueries = {
  all: (id: string) => ['metering-points', id] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...meteringPointQueries.all(id), 'detail'],
      queryFn: async () => data(await api.GET('/api/v1/metering-points/{meteringPointId}', { params: { path: { meteringPointId: id } } })),
    }),
  commands: (id: string) =>
    queryOptions({
      queryKey: [...meteringPointQueries.all(id), 'elhub-commands'],
      queryFn: async () =>
        data(await api.GET('/api/v1/metering-points/{meteringPointId}/elhub-commands', { params: { path: { meteringPointId: id } } })),
      // while a command waits for Elhub, follow it
      refetchInterval: (query) => ((query.state.data ?? []).some((c) => c.status === 'PENDING') ? 3000 : false),
    }),
  settlement: (id: string, month: string) =>
    queryOptions({
      queryKey: [...meteringPointQueries.all(id), 'settlement', month],
      queryFn: async () =>
        data(await api.GET('/api/v1/metering-points/{meteringPointId}/settlements/{month}', {
          params: { path: { meteringPointId: id, month } },
        })),
    }),
};
