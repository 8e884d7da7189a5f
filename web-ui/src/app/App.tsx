import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '../i18n/i18n';
import { AuthCallback, RequireSignIn } from '../auth/RequireSignIn';
import { Layout } from './Layout';
import { HomePage } from '../features/search/HomePage';
import { CustomerPage } from '../features/customer/CustomerPage';
import { ApiError } from '../api/client';
import { lazy, Suspense } from 'react';
import { Loader } from '@mantine/core';

// screens used less often load when first opened, so the first screen loads fast
const MeteringPointPage = lazy(() => import('../features/metering-point/MeteringPointPage'));
const InvoicePage = lazy(() => import('../features/invoice/InvoicePage'));
const NewCustomerPage = lazy(() => import('../features/register/NewCustomerPage'));
const NewMeteringPointPage = lazy(() => import('../features/register/NewMeteringPointPage'));
const BillingRunsPage = lazy(() => import('../features/billing-run/BillingRunsPage'));
const BillingRunPage = lazy(() => import('../features/billing-run/BillingRunPage'));
const ExceptionQueuePage = lazy(() => import('../features/elhub/ExceptionQueuePage'));
const WorkItemPage = lazy(() => import('../features/elhub/WorkItemPage'));
const PaymentsPage = lazy(() => import('../features/payment/PaymentsPage'));
const ReceivablesPage = lazy(() => import('../features/receivables/ReceivablesPage'));
const CasesPage = lazy(() => import('../features/case/CasesPage'));
const CasePage = lazy(() => import('../features/case/CasePage'));
const RmeReportsPage = lazy(() => import('../features/rme/RmeReportsPage'));
const DeliveryQueuePage = lazy(() => import('../features/invoice-delivery/DeliveryQueuePage'));
const PrintBatchesPage = lazy(() => import('../features/invoice-delivery/PrintBatchesPage'));
// reference data (admin)
const ReferenceDataPage = lazy(() => import('../features/reference/ReferenceDataPage'));
const ProductsPage = lazy(() => import('../features/reference/ProductsPage'));
const TariffElementPage = lazy(() => import('../features/reference/TariffElementPage'));
const PriceCalculationsPage = lazy(() => import('../features/reference/PriceCalculationsPage'));
const PriceCalculationPage = lazy(() => import('../features/reference/PriceCalculationPage'));
const SegmentsPage = lazy(() => import('../features/reference/SegmentsPage'));
const PeppolPage = lazy(() => import('../features/reference/PeppolPage'));
const ContractOrdersPage = lazy(() => import('../features/contract-order/ContractOrdersPage'));
const ContractOrderPage = lazy(() => import('../features/contract-order/ContractOrderPage'));
const NewSalePage = lazy(() => import('../features/contract-order/NewSalePage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // a refusal (4xx) will not change by asking again
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

// a darker primary than Mantine's default blue, so white text on it passes WCAG AA contrast
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, respectReducedMotion: true });

/** The screens; every one has its own URL (the server forwards the same paths to this page: WebUiController). */
export function App() {
  return (
    <MantineProvider theme={theme}>
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/auth/callback" element={<AuthCallback />} />
              <Route element={<RequireSignIn><Layout /></RequireSignIn>}>
                <Route index element={<HomePage />} />
                <Route path="/customers/new" element={<Suspense fallback={<Loader />}><NewCustomerPage /></Suspense>} />
                <Route path="/customers/:customerNumber" element={<CustomerPage />} />
                <Route path="/invoices/:invoiceNumber" element={<Suspense fallback={<Loader />}><InvoicePage /></Suspense>} />
                <Route path="/metering-points/new" element={<Suspense fallback={<Loader />}><NewMeteringPointPage /></Suspense>} />
                <Route path="/metering-points/:meteringPointId" element={<Suspense fallback={<Loader />}><MeteringPointPage /></Suspense>} />
                <Route path="/billing-runs" element={<Suspense fallback={<Loader />}><BillingRunsPage /></Suspense>} />
                <Route path="/billing-runs/:id" element={<Suspense fallback={<Loader />}><BillingRunPage /></Suspense>} />
                <Route path="/elhub/work-items" element={<Suspense fallback={<Loader />}><ExceptionQueuePage /></Suspense>} />
                <Route path="/elhub/work-items/:id" element={<Suspense fallback={<Loader />}><WorkItemPage /></Suspense>} />
                <Route path="/payments" element={<Suspense fallback={<Loader />}><PaymentsPage /></Suspense>} />
                <Route path="/receivables" element={<Suspense fallback={<Loader />}><ReceivablesPage /></Suspense>} />
                <Route path="/cases" element={<Suspense fallback={<Loader />}><CasesPage /></Suspense>} />
                <Route path="/cases/:caseNumber" element={<Suspense fallback={<Loader />}><CasePage /></Suspense>} />
                <Route path="/rme-reports" element={<Suspense fallback={<Loader />}><RmeReportsPage /></Suspense>} />
                <Route path="/invoice-deliveries" element={<Suspense fallback={<Loader />}><DeliveryQueuePage /></Suspense>} />
                <Route path="/print-batches" element={<Suspense fallback={<Loader />}><PrintBatchesPage /></Suspense>} />
                <Route path="/admin" element={<Suspense fallback={<Loader />}><ReferenceDataPage /></Suspense>} />
                <Route path="/admin/products" element={<Suspense fallback={<Loader />}><ProductsPage /></Suspense>} />
                <Route path="/admin/tariff-elements/:code" element={<Suspense fallback={<Loader />}><TariffElementPage /></Suspense>} />
                <Route path="/admin/price-calculations" element={<Suspense fallback={<Loader />}><PriceCalculationsPage /></Suspense>} />
                <Route path="/admin/price-calculations/:number" element={<Suspense fallback={<Loader />}><PriceCalculationPage /></Suspense>} />
                <Route path="/admin/segments" element={<Suspense fallback={<Loader />}><SegmentsPage /></Suspense>} />
                <Route path="/admin/peppol" element={<Suspense fallback={<Loader />}><PeppolPage /></Suspense>} />
                <Route path="/contract-orders" element={<Suspense fallback={<Loader />}><ContractOrdersPage /></Suspense>} />
                <Route path="/contract-orders/new" element={<Suspense fallback={<Loader />}><NewSalePage /></Suspense>} />
                <Route path="/contract-orders/:orderNumber" element={<Suspense fallback={<Loader />}><ContractOrderPage /></Suspense>} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
