import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { customerQueries } from '../customer/queries';

/** Query keys and fetchers of the dunning of an invoice and of a customer. */
export const dunningQueries = {
  ofInvoice: (invoiceNumber: string) =>
    queryOptions({
      queryKey: ['invoices', invoiceNumber, 'dunning'],
      queryFn: async () => data(await api.GET('/api/v1/invoices/{invoiceNumber}/dunning', { params: { path: { invoiceNumber } } })),
    }),
  ofCustomer: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'dunning'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/dunning', { params: { path: { customerNumber } } })),
    }),
};
