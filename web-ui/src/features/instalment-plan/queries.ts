import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { customerQueries } from '../customer/queries';

/** Query keys and fetchers of a customer's instalment plans (avdragsordning) and what plan they may get. */
export const planQueries = {
  options: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'instalment-plan-options'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/instalment-plan-options', { params: { path: { customerNumber } } })),
    }),
  plans: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'instalment-plans'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/instalment-plans', { params: { path: { customerNumber } } })),
    }),
};
