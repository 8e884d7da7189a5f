import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

export type CaseView = 'mine' | 'flagged' | 'open';

export const caseQueries = {
  all: () => ['cases'] as const,
  list: (view: CaseView, page: number) =>
    queryOptions({
      queryKey: [...caseQueries.all(), 'list', view, page],
      queryFn: async () => {
        const query = { page, size: 25 };
        if (view === 'mine') return data(await api.GET('/api/v1/cases/mine', { params: { query } }));
        if (view === 'flagged') return data(await api.GET('/api/v1/cases/flagged', { params: { query } }));
        return data(await api.GET('/api/v1/cases', { params: { query: { ...query, open: true } } }));
      },
    }),
  detail: (caseNumber: string) =>
    queryOptions({
      queryKey: [...caseQueries.all(), caseNumber],
      queryFn: async () => data(await api.GET('/api/v1/cases/{caseNumber}', { params: { path: { caseNumber } } })),
    }),
};
