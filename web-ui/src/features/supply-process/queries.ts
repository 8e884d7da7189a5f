import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { components } from '../../api/schema';

export type SupplyProcess = components['schemas']['Process'];

/** Where a process still waits for Elhub (our request on its way, a cancellation or rollback sent): followed while so. */
const WAITING = new Set(['REQUESTED', 'SENT', 'CANCELLING', 'ROLLING_BACK']);

export const supplyProcessQueries = {
  all: (meteringPointId: string) => ['supply-processes', meteringPointId] as const,
  /** The point's starts and ends of supply in Elhub, newest first. */
  forMeteringPoint: (meteringPointId: string) =>
    queryOptions({
      queryKey: [...supplyProcessQueries.all(meteringPointId), 'list'],
      queryFn: async () => {
        const query = { params: { query: { meteringPointId } } };
        const [starts, ends] = await Promise.all([
          api.GET('/api/v1/elhub/supply-starts', query).then(data),
          api.GET('/api/v1/elhub/supply-ends', query).then(data),
        ]);
        return [...starts, ...ends].sort((a, b) => (b.requestedAt ?? '').localeCompare(a.requestedAt ?? '') || (b.id ?? 0) - (a.id ?? 0));
      },
      refetchInterval: (query) => ((query.state.data ?? []).some((p) => WAITING.has(p.status ?? '')) ? 3000 : false),
    }),
};

/** Ours to end (BRS-NO-201 move-out, 202 termination) rather than a start (101–104). */
export function isEnd(p: SupplyProcess): boolean {
  return p.kind === 'MOVE_OUT' || p.kind === 'TERMINATION';
}

/** What the API lets staff do with the process now: cancel before Elhub's deadline, roll back a settled one after it. */
export function correctionsOf(p: SupplyProcess): { cancel: boolean; rollback: boolean } {
  const status = p.status ?? '';
  return isEnd(p)
    ? { cancel: ['REQUESTED', 'SENT', 'CONFIRMED'].includes(status), rollback: status === 'CONFIRMED' }
    : { cancel: ['REQUESTED', 'SENT', 'CONFIRMED'].includes(status), rollback: status === 'NOTIFIED' };
}
