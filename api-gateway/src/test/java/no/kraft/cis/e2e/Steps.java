package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.kraft.cis.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Steps several end-to-end tests take the same way: set a property, invoice a point up to a day, load a month, bill. */
public final class Steps {

    private final Api api;
    private final JdbcClient jdbc;

    Steps(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** Sets property {@code code} (888, 870, 900) from {@code from}, sending the metering point's current version. */
    public Api.Response setProperty(Role role, String point, int code, int value, String from) {
        long version = api.get(role, "/api/v1/metering-points/" + point).json("/version").asLong();
        Api.Response r = api.post(role, "/api/v1/metering-points/" + point + "/properties/" + code,
                json("value", value, "validFrom", from, "version", version));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    /** Defines a tariff element as billing staff do (201 expected). */
    public void tariffElement(Map<String, Object> body) {
        Api.Response r = api.post(Role.BILLING, "/api/v1/tariff-elements", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    /** The nightly compensation classification (900) for one metering point, as billing staff can run it. */
    public void classify(String point) {
        Api.Response r = api.post(Role.BILLING, "/api/v1/metering-points/" + point + "/compensation-classification", Map.of());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    /**
     * A property's history as {@code "value from..to"} ({@code to} "open" when open-ended) plus {@code " note"} when it
     * has one, oldest first; values replaced on their first day (in force on no day) are left out.
     */
    public java.util.List<String> propertyHistory(String point, int code) {
        return api.get(Role.BILLING, "/api/v1/metering-points/" + point).json("/propertyHistory/" + code).valueStream()
                .filter(v -> !v.at("/validFrom").asString().equals(v.at("/validTo").asString()))
                .map(v -> v.at("/value").asInt() + " " + v.at("/validFrom").asString() + ".."
                        + (v.at("/validTo").isMissingNode() ? "open" : v.at("/validTo").asString())
                        + (v.at("/note").isMissingNode() ? "" : " " + v.at("/note").asString()))
                .toList();
    }

    /** What the billing run records when it has invoiced {@code point} up to {@code day} (exclusive). */
    public void billedUntil(String point, String day) {
        long id = jdbc.sql("select id from metering_point where gsrn = :g").param("g", point).query(Long.class).single();
        jdbc.sql("""
                insert into billing_horizon (metering_point_id, billed_until, version, created_at, created_by, updated_at, updated_by)
                values (:id, cast(:day as date), 0, now(), 'billing-run', now(), 'billing-run')""")
                .param("id", id).param("day", day).update();
    }

    /** One Norwegian day of a 96-quarter day's meter values in the CSV layout, the same quantity every quarter-hour. */
    public static String day(String point, LocalDate day, int whPerQuarter) {
        String kwh = new BigDecimal(whPerQuarter).movePointLeft(3).toPlainString();
        return point + "," + day + ",PT15M," + IntStream.range(0, 96).mapToObj(i -> kwh).collect(Collectors.joining(" ")) + "\n";
    }

    /** A whole month of constant spot prices per area, uploaded as CSV. */
    public void spotPrices(YearMonth month, Map<String, String> nokPerKwhByArea) {
        for (Map.Entry<String, String> area : nokPerKwhByArea.entrySet()) {
            StringBuilder csv = new StringBuilder("start,end,area,NOK_per_kWh\n");
            for (LocalDate d = month.atDay(1); d.isBefore(month.plusMonths(1).atDay(1)); d = d.plusDays(1)) {
                csv.append(PriceTablesTest.csv(area.getKey(), d, area.getValue()).lines().skip(1).collect(Collectors.joining("\n", "", "\n")));
            }
            Api.Response r = api.postText(Role.BILLING, "/api/v1/spot-prices", "text/csv", csv.toString());
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
        }
    }

    /** A whole month of constant quarter-hour values per metering point, uploaded as CSV. */
    public void meterValues(YearMonth month, Map<String, Integer> whPerQuarterByPoint) {
        StringBuilder csv = new StringBuilder("metering_point_id,day,resolution,values\n");
        whPerQuarterByPoint.forEach((point, wh) -> {
            for (LocalDate d = month.atDay(1); d.isBefore(month.plusMonths(1).atDay(1)); d = d.plusDays(1)) {
                csv.append(day(point, d, wh));
            }
        });
        Api.Response r = api.postText(Role.BILLING, "/api/v1/meter-values", "text/csv", csv.toString());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    /** Starts a billing run for {@code month} (all customers when {@code customerNumber} is null) and waits for its end. */
    public Api.Response bill(YearMonth month, Long customerNumber) {
        Api.Response started = api.post(Role.BILLING, "/api/v1/billing-runs", customerNumber == null
                ? json("month", month.toString()) : json("month", month.toString(), "customerNumber", customerNumber.toString()));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        return waitForRun(started.json("/id").asLong());
    }

    /** Polls a billing run until it is no longer STARTED (at most 60 s). */
    public Api.Response waitForRun(long id) {
        for (int i = 0; i < 600; i++) {
            Api.Response run = api.get(Role.BILLING, "/api/v1/billing-runs/" + id);
            if (!run.text("/status").equals("STARTED")) {
                return run;
            }
            pause(100);
        }
        throw new AssertionError("billing run " + id + " did not finish in 60 s");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
