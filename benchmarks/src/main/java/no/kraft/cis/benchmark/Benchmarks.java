package no.kraft.cis.benchmark;

import java.util.Arrays;

/**
 * Entry point: {@code java -jar benchmarks/target/cis-benchmarks.jar meter-values [metering points] [days]}.
 * Each benchmark starts the real application on an embedded PostgreSQL in a temporary directory and drives it over
 * HTTP, as a client would, then prints its figures.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "meter-values" : args[0];
        String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        switch (which) {
            case "meter-values" -> MeterValueImportBenchmark.run(rest);
            case "settlement" -> SettlementBenchmark.run(rest);
            case "rme" -> RmeReportBenchmark.run(rest);
            case "billing-run" -> BillingRunBenchmark.run(rest);
            case "customer-lookup" -> CustomerLookupBenchmark.run(rest);
            case "web-ui-search" -> WebUiSearchBenchmark.run(rest);
            case "elhub-meter-values" -> ElhubMeterValuesBenchmark.run(rest);
            case "invoice-documents" -> InvoiceDocumentsBenchmark.run(rest);
            case "invoice-rendering" -> InvoiceRenderingBenchmark.run(rest);
            case "receivables-figures" -> ReceivablesFiguresBenchmark.run(rest);
            case "dunning-run" -> DunningRunBenchmark.run(rest);
            default -> {
                System.err.println("unknown benchmark '" + which + "'; known: meter-values, settlement, billing-run, rme, customer-lookup, web-ui-search, elhub-meter-values, invoice-documents, invoice-rendering, receivables-figures, dunning-run");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
