import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { SearchQuery } from './classify';

/** Query keys and fetchers of the search feature (one factory, as TkDodo's "Effective React Query Keys"). */
export const searchQueries = {
  customers: (query: SearchQuery) =>
    queryOptions({
      queryKey: ['customers', 'search', query],
      enabled: query.kind !== 'none',
      queryFn: async () => {
        if (query.kind === 'none') return { items: [], totalElements: 0 };
        if (query.kind === 'nationalId') {
          // a national ID never goes into a URL (logs, history): POST
          return data(await api.POST('/api/v1/customers/search', { body: { nationalId: query.value, size: 20 } }));
        }
        return data(await api.GET('/api/v1/customers', { params: { query: { [query.kind]: query.value, size: 20 } } }));
      },
    }),
  openWorkItems: () =>
    queryOptions({
      queryKey: ['elhub', 'work-items', 'OPEN'],
      queryFn: async () => data(await api.GET('/api/v1/elhub/work-items', { params: { query: { status: 'OPEN' } } })),
    }),
  unmatchedPayments: () =>
    queryOptions({
      queryKey: ['payments', 'queue'],
      queryFn: async () => data(await api.GET('/api/v1/payment-queue', { params: { query: { size: 1 } } })),
    }),
  myCases: () =>
    queryOptions({ queryKey: ['cases', 'mine'], queryFn: async () => data(await api.GET('/api/v1/cases/mine', {})) }),
  flaggedCases: () =>
    queryOptions({ queryKey: ['cases', 'flagged'], queryFn: async () => data(await api.GET('/api/v1/cases/flagged', {})) }),
};
