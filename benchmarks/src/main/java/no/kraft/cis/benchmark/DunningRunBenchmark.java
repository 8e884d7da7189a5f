package no.kraft.cis.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.security.LocalTokenIssuer;
import no.kraft.cis.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 20's target: the nightly dunning job over 500 000 open invoices in ≤ 60 s. Set-up (SQL, not measured): N/2
 * organisation customers with an e-mail address, two unpaid invoices each, due on the 41 days up to and including
 * today — the worst night, a backlog where every invoice takes a step (due in the last 13 days: a friendly reminder, the
 * rest a purring with its fee charged to the ledger), each notice queued in invoice-delivery's outbox. Measured: one
 * {@code POST /api/v1/dunning-runs} for today over HTTP with a billing token, until it answers; then the same run again,
 * which must take no step.
 */
final class DunningRunBenchmark {

    private static final double TARGET_SECONDS = 60;

    private DunningRunBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int customers = invoices / 2;
        try (BenchmarkApp app = BenchmarkApp.start()) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            LocalDate today = NorwegianTime.today(app.bean(java.time.Clock.class));
            long setUp = System.nanoTime();
            jdbc.sql("""
                    insert into customer (customer_number, kind, organisation_number, organisation_name, search_name, email, street,
                        postcode, city, version, created_at, created_by, updated_at, updated_by)
                    select 3000000 + g, 'ORGANISATION', (700000000 + g)::text, 'Dunning ' || g, 'dunning ' || g, 'dunning' || g || '@example.no',
                        'Storgata ' || g % 200, '0150', 'Oslo', 0, now(), 'benchmark', now(), 'benchmark'
                    from generate_series(1, :n) g""").param("n", customers).update();
            jdbc.sql("""
                    insert into invoice (invoice_number, kind, customer_id, period_from, period_to, issue_date, due_date, kid,
                        net_amount, vat_amount, total_amount, created_at, created_by, updated_at, updated_by)
                    select 50000000 + c.id * 2 + k, 'INVOICE', c.id, date '2026-01-01' + k * 31, date '2026-01-01' + k * 31 + 31,
                        cast(:today as date) - 60, cast(:today as date) - ((c.id * 2 + k) % 41)::int,
                        lpad((50000000 + c.id * 2 + k)::text, 17, '0'), 800 + c.id % 500, 200 + (c.id % 500) / 4.0,
                        1000 + c.id % 500 + (c.id % 500) / 4.0, now(), 'benchmark', now(), 'benchmark'
                    from customer c cross join generate_series(0, 1) k where c.customer_number > 3000000""")
                    .param("today", today).update();
            jdbc.sql("vacuum analyze").update();
            long open = jdbc.sql("select count(*) from invoice where kind = 'INVOICE'").query(Long.class).single();
            System.out.printf(Locale.ROOT, "set-up: %,d customers, %,d open invoices due %s–%s, in %.1f s (not measured)%n", customers, open,
                    today.minusDays(40), today, (System.nanoTime() - setUp) / 1e9);

            String token = app.bean(LocalTokenIssuer.class).issue("benchmark", Role.BILLING).accessToken();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            long start = System.nanoTime();
            JsonNode first = runDunning(http, app.port(), token);
            double seconds = (System.nanoTime() - start) / 1e9;
            int examined = first.at("/claimsExamined").asInt();
            System.out.printf(Locale.ROOT, "nightly run for %s: %,d claims examined, %,d steps %s in %.2f s = %,.0f invoices/s; "
                            + "interest rate missing from %s; warnings %d%n", today, examined, first.at("/stepsTaken").asInt(),
                    first.at("/stepsByKind"), seconds, examined / seconds, first.at("/interestRateMissingFrom").asString("—"),
                    first.at("/warnings").size());
            long events = jdbc.sql("select count(*) from dunning_event").query(Long.class).single();
            long charges = jdbc.sql("select count(*) from invoice_charge").query(Long.class).single();
            long queued = jdbc.sql("select count(*) from dunning_notice_send").query(Long.class).single();
            System.out.printf(Locale.ROOT, "stored: %,d dunning events, %,d fees charged, %,d notices queued%n", events, charges, queued);

            start = System.nanoTime();
            JsonNode again = runDunning(http, app.port(), token);
            System.out.printf(Locale.ROOT, "the same run again: %,d steps (must be 0) in %.2f s%n", again.at("/stepsTaken").asInt(),
                    (System.nanoTime() - start) / 1e9);
            boolean pass = seconds <= TARGET_SECONDS && again.at("/stepsTaken").asInt() == 0 && examined == open;
            System.out.printf(Locale.ROOT, "%s: %.2f s for %,d open invoices (target ≤ %.0f s)%n", pass ? "PASS" : "FAIL", seconds, open,
                    TARGET_SECONDS);
        }
    }

    private static JsonNode runDunning(HttpClient http, int port, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dunning-runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scope\":\"ALL_CUSTOMERS\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("dunning run answered " + r.statusCode() + ": " + r.body());
        }
        return new ObjectMapper().readTree(r.body());
    }
}
