import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

/** Query keys and fetchers of the customer 360. */
export const customerQueries = {
  all: (customerNumber: string) => ['customers', customerNumber] as const,
  overview: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'overview'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/overview', { params: { path: { customerNumber } } })),
    }),
  ledger: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'ledger'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/ledger', { params: { path: { customerNumber } } })),
    }),
  paymentChannel: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'payment-channel'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/payment-channel', { params: { path: { customerNumber } } })),
    }),
  orders: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'contract-orders'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/contract-orders', { params: { path: { customerNumber } } })),
    }),
  contacts: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'contacts'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/contacts', { params: { path: { customerNumber } } })),
    }),
  documents: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'documents'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/documents', { params: { path: { customerNumber } } })),
    }),
  cases: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'cases'],
      queryFn: async () => data(await api.GET('/api/v1/cases', { params: { query: { customerNumber } } })),
    }),
};
