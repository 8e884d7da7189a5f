import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { awaitingElhub, newestFirst } from './processes';

/** Query keys and fetchers of the supply processes in Elhub (starts BRS-NO-101–104, ends 201/202). */
export const supplyProcessQueries = {
  all: ['supply-processes'] as const,
  /** A metering point's starts and ends, newest first; followed every 3 s while one waits for Elhub. */
  forMeteringPoint: (meteringPointId: string) =>
    queryOptions({
      queryKey: [...supplyProcessQueries.all, 'metering-point', meteringPointId],
      queryFn: async () => {
        const query = { params: { query: { meteringPointId } } };
        const [starts, ends] = await Promise.all([api.GET('/api/v1/elhub/supply-starts', query), api.GET('/api/v1/elhub/supply-ends', query)]);
        return newestFirst([...data(starts), ...data(ends)]);
      },
      refetchInterval: (query) => ((query.state.data ?? []).some(awaitingElhub) ? 3000 : false),
    }),
  /** One process (a start or an end), followed while it waits for Elhub. */
  one: (id: number) =>
    queryOptions({
      queryKey: [...supplyProcessQueries.all, 'one', id],
      queryFn: async () => data(await api.GET('/api/v1/elhub/supply-starts/{id}', { params: { path: { id } } })),
      refetchInterval: (query) => (query.state.data && awaitingElhub(query.state.data) ? 3000 : false),
    }),
};
