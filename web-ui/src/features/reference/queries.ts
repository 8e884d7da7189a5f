import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

/** Reference data: products, tariff elements with their prices, price calculations and tables, segments, the Peppol list. */
export const referenceQueries = {
  all: () => ['reference'] as const,
  products: () => queryOptions({ queryKey: [...referenceQueries.all(), 'products'], queryFn: async () => data(await api.GET('/api/v1/products')) }),
  tariffGroups: () =>
    queryOptions({ queryKey: [...referenceQueries.all(), 'tariff-groups'], queryFn: async () => data(await api.GET('/api/v1/tariff-groups')) }),
  tariffElements: () =>
    queryOptions({ queryKey: [...referenceQueries.all(), 'tariff-elements'], queryFn: async () => data(await api.GET('/api/v1/tariff-elements')) }),
  tariffElement: (code: string) =>
    queryOptions({
      queryKey: [...referenceQueries.all(), 'tariff-elements', code],
      queryFn: async () => data(await api.GET('/api/v1/tariff-elements/{code}', { params: { path: { code } } })),
    }),
  priceCalculations: () =>
    queryOptions({
      queryKey: [...referenceQueries.all(), 'price-calculations'],
      queryFn: async () => data(await api.GET('/api/v1/price-calculations')),
    }),
  priceCalculation: (number: number) =>
    queryOptions({
      queryKey: [...referenceQueries.all(), 'price-calculations', number],
      queryFn: async () => data(await api.GET('/api/v1/price-calculations/{number}', { params: { path: { number } } })),
    }),
  priceTable: (number: number, area: string, from: string, to: string) =>
    queryOptions({
      queryKey: [...referenceQueries.all(), 'price-calculations', number, 'tables', area, from, to],
      queryFn: async () => data(await api.GET('/api/v1/price-calculations/{number}/tables', {
        params: { path: { number }, query: { area, from, to } },
      })),
    }),
  segmentGroups: () =>
    queryOptions({ queryKey: [...referenceQueries.all(), 'segment-groups'], queryFn: async () => data(await api.GET('/api/v1/segment-groups')) }),
  memberships: (meteringPointId: string) =>
    queryOptions({
      queryKey: [...referenceQueries.all(), 'memberships', meteringPointId],
      queryFn: async () => data(await api.GET('/api/v1/metering-points/{meteringPointId}/segments', { params: { path: { meteringPointId } } })),
    }),
  peppolParticipant: (organisationNumber: string) =>
    queryOptions({
      queryKey: [...referenceQueries.all(), 'peppol', organisationNumber],
      queryFn: async () => data(await api.GET('/api/v1/peppol-participants/{organisationNumber}', { params: { path: { organisationNumber } } })),
    }),
};
