import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { components } from '../../api/schema';

type Item = components['schemas']['WorkItem'];
export type Filter = { status?: Item['status']; kind?: Item['kind']; meteringPointId?: string };

export const workItemQueries = {
  all: () => ['elhub-work-items'] as const,
  list: (filter: Filter) =>
    queryOptions({
      queryKey: [...workItemQueries.all(), 'list', filter],
      queryFn: async () => data(await api.GET('/api/v1/elhub/work-items', { params: { query: filter } })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...workItemQueries.all(), id],
      queryFn: async () => data(await api.GET('/api/v1/elhub/work-items/{id}', { params: { path: { id: Number(id) } } })),
    }),
  exchanges: (meteringPointId: string) =>
    queryOptions({
      queryKey: ['elhub-exchanges', meteringPointId],
      queryFn: async () => data(await api.GET('/api/v1/elhub/exchanges', { params: { query: { meteringPointId, limit: 20 } } })),
    }),
};
