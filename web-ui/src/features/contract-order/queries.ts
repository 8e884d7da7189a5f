import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { components } from '../../api/schema';

type Step = components['schemas']['Step'];
export type Stage = NonNullable<Step['stage']>;
export type OrderStatus = 'IN_PROGRESS' | 'WAITING' | 'COMPLETED' | 'STOPPED' | 'CANCELLED';
export type OrderFilter = { stage?: Stage; status?: OrderStatus; page?: number };

/** The order process's stages in their order: Validate and add → On hold → Import → Finalize. */
export const STAGES: Stage[] = ['VALIDATE_AND_ADD', 'ON_HOLD', 'IMPORT', 'FINALIZE'];
export const STATUSES: OrderStatus[] = ['IN_PROGRESS', 'WAITING', 'COMPLETED', 'STOPPED', 'CANCELLED'];

/** An order still moving (the consent driver, Elhub's answer) is read again every few seconds, one done is not. */
const moving = (status: string | undefined) => status === 'IN_PROGRESS' || status === 'WAITING';

/** Query keys and fetchers of contract orders and the new-sale wizard. */
export const orderQueries = {
  all: () => ['contract-orders'] as const,
  list: (filter: OrderFilter) =>
    queryOptions({
      queryKey: [...orderQueries.all(), 'list', filter],
      queryFn: async () => data(await api.GET('/api/v1/contract-orders', {
        params: { query: { stage: filter.stage, status: filter.status, page: filter.page ?? 0, size: 20 } },
      })),
    }),
  detail: (orderNumber: string) =>
    queryOptions({
      queryKey: [...orderQueries.all(), orderNumber],
      queryFn: async () => data(await api.GET('/api/v1/contract-orders/{orderNumber}', { params: { path: { orderNumber } } })),
      refetchInterval: (query) => (moving(query.state.data?.status) ? 3000 : false),
    }),
  supplyStart: (id: number) =>
    queryOptions({
      queryKey: ['supply-starts', id],
      queryFn: async () => data(await api.GET('/api/v1/elhub/supply-starts/{id}', { params: { path: { id } } })),
      refetchInterval: (query) => (['REQUESTED', 'SENT', 'CANCELLING'].includes(query.state.data?.status ?? '') ? 3000 : false),
    }),
  products: () =>
    queryOptions({
      queryKey: ['products'],
      queryFn: async () => data(await api.GET('/api/v1/products')),
      staleTime: 5 * 60_000,
    }),
  customers: (name: string) =>
    queryOptions({
      queryKey: ['customers', 'by-name', name],
      queryFn: async () => data(await api.GET('/api/v1/customers', { params: { query: { name, size: 10 } } })),
    }),
  customer: (customerNumber: string) =>
    queryOptions({
      queryKey: ['customers', customerNumber, 'details'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}', { params: { path: { customerNumber } } })),
    }),
};
