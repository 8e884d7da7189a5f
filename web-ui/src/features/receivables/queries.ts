import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

/** The first day of a month "2026-02" and of the month after it: the half-open period [from, to). */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/** The `count` months ending with `month`, oldest first: ("2026-02", 3) → 2025-12, 2026-01, 2026-02. */
export function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export const receivablesQueries = {
  figures: (month: string) =>
    queryOptions({
      queryKey: ['receivables', 'figures', month],
      queryFn: async () => data(await api.GET('/api/v1/receivables/figures', { params: { query: monthPeriod(month) } })),
      staleTime: 60_000,
    }),
};
