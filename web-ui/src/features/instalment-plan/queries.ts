import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { customerQueries } from '../customer/queries';

/** Query keys and fetchers of a customer's instalment plans (avdragsordning) and what plan they may get. */
export const planQueries = {
  /** The plan on offer: over every overdue invoice, or over {@code invoiceNumbers} only. */
  options: (customerNumber: string, invoiceNumbers?: number[]) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'instalment-plan-options', invoiceNumbers ?? 'all'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/instalment-plan-options', {
        params: { path: { customerNumber }, query: invoiceNumbers ? { invoiceNumbers } : {} },
      })),
    }),
  /** Where a plan's confirmation to the customer stands (null: none was queued). */
  confirmation: (customerNumber: string, planId: number) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'instalment-plans', planId, 'confirmation'],
      queryFn: async () => {
        const r = await api.GET('/api/v1/instalment-plans/{planId}/confirmation', { params: { path: { planId: String(planId) } } });
        return r.response.status === 404 ? null : data(r);
      },
    }),
  plans: (customerNumber: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(customerNumber), 'instalment-plans'],
      queryFn: async () => data(await api.GET('/api/v1/customers/{customerNumber}/instalment-plans', { params: { path: { customerNumber } } })),
    }),
};
