package no.kraft.cis.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kraft.cis.customer.NationalId;
import no.kraft.cis.customer.SearchName;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue target: the two look-ups customer service makes on every call — find the caller by phone number, then open the
 * customer 360 — answer at p99 ≤ 50 ms under a steady 200 requests/s against 200 000 customers.
 *
 * <p>Set-up (not measured), in set-based SQL: N private customers (valid national IDs, Norwegian names with æøå, the
 * search name folded by {@link SearchName#fold}, E.164 mobile numbers — about 1 % of the numbers shared by a household
 * of 2–3 — e-mail and address), a metering point each (every tenth customer also a cabin) with master data, grid owner,
 * properties 888/900, one contract with a SPOT delivery per point, and three monthly invoices per customer; then
 * {@code vacuum analyze}.
 *
 * <p>Measured: an open-model, constant-rate load like wrk2. Request i is due at {@code start + i / rate}; it is sent
 * then (or at once if the generator is behind) without waiting for earlier answers, and its latency is counted from
 * when it was due, not from when it left — so a stall is charged to every request that should have been sent during
 * it (no coordinated omission). Every other request is {@code GET /api/v1/customers/{number}/overview} for a random
 * customer; the others are phone look-ups with a random customer's mobile, alternately the staff search
 * {@code GET /api/v1/customers?phone=…} and the partner API's {@code GET /api/v1/partner/accounts?phone=…}, with a
 * {@code customer-service} token from {@code POST /local/oauth2/token}. A warm-up at the same rate comes first and is
 * not recorded. Any non-2xx answer or failed exchange is an error, and a run with errors is not a valid measurement.
 *
 * <p>Arguments: customers (200 000), requests/s (200), seconds measured (60), seconds of warm-up (60: a cold JVM on 2 cores is still compiling for most of a 15 s warm-up).
 * {@code -Dexplain=true} prints the diagnosis (statements per request, query plans) even when the target is met.
 */
final class CustomerLookupBenchmark {

    private static final double TARGET_P99_MS = 50.0;
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"total(?:Elements|Items)?\"\\s*:\\s*(\\d+)");

    private CustomerLookupBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmUpSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        // The JDK client keeps idle connections in a list it searches linearly on every request; after a stall (the
        // cold start) hundreds of connections are open and that search was most of the generator's CPU. Keep at most
        // 64 idle. Read once, when the first HttpClient is made — so before the application starts (it makes some).
        System.setProperty("jdk.httpclient.connectionPoolSize", "64");
        try (BenchmarkApp app = BenchmarkApp.start()) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            long t0 = System.nanoTime();
            load(jdbc, new TransactionTemplate(app.bean(PlatformTransactionManager.class)), customers);
            double loadSeconds = seconds(t0);
            Population population = Population.read(jdbc);
            Map<String, Object> shared = jdbc.sql("""
                    select count(*) filter (where n > 1) as shared, count(*) as numbers, max(n) as most
                    from (select mobile, count(*) as n from customer where mobile is not null group by mobile) m""")
                    .query().singleRow();
            long points = jdbc.sql("select count(*) from metering_point").query(Long.class).single();
            long invoices = jdbc.sql("select count(*) from invoice").query(Long.class).single();
            System.out.printf(Locale.ROOT, "loaded %,d customers, %,d metering points, %,d invoices in %.1f s (SQL, vacuum analyze included); "
                            + "%,d of %,d mobile numbers shared (up to %s customers on one)%n",
                    population.numbers.length, points, invoices, loadSeconds, (Long) shared.get("shared"),
                    (Long) shared.get("numbers"), shared.get("most"));

            // the answers are handled on two named threads of our own, so the generator's CPU can be told apart
            AtomicInteger generatorThreads = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(2, r -> {
                        Thread t = new Thread(r, "generator-" + generatorThreads.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://localhost:" + app.port();
            Token token = new Token(http, base);
            sanityCheck(http, base, token, jdbc);

            Driver warmUp = new Driver(http, base, token, population, rate, warmUpSeconds, 1);
            warmUp.run();
            System.out.printf(Locale.ROOT, "warm-up (not recorded): %d s at %d requests/s, %,d requests, %d errors; per 10 s: %s%n",
                    warmUpSeconds, rate, warmUp.sent.get(), warmUp.errors(), warmUp.windows());

            String loadBefore = loadAverage();
            Driver measured = new Driver(http, base, token, population, rate, seconds, 2);
            Resources resources = new Resources(app.work().resolve("postgres"));
            Resources.Snapshot before = resources.snapshot();
            measured.run();
            Resources.Snapshot after = resources.snapshot();
            String loadAfter = loadAverage();
            String addresses = addressLookups(http, base, token, jdbc);
            token.close();

            System.out.println();
            System.out.printf(Locale.ROOT, "customer-lookup: %,d customers, target %d requests/s for %d s (+%d s warm-up), open model, "
                    + "latency from the intended send time%n", population.numbers.length, rate, seconds, warmUpSeconds);
            System.out.printf(Locale.ROOT, "sent %,d requests in %.2f s = %.1f requests/s; completed %,d; generator lag max %.1f ms; "
                            + "load average before %s, after %s (%d CPUs)%n",
                    measured.sent.get(), measured.sendSeconds, measured.sent.get() / measured.sendSeconds,
                    measured.completed.get(), measured.maxLagNanos.get() / 1e6, loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors());
            System.out.println(addresses);
            System.out.println("kind               count      p50      p90      p99    p99.9      max   errors   (ms, from intended send; "
                    + "service time from actual send in brackets)");
            boolean pass = true;
            for (Kind kind : Kind.values()) {
                Histogram h = measured.latency[kind.ordinal()];
                Histogram s = measured.service[kind.ordinal()];
                System.out.printf(Locale.ROOT, "%-14s %9d %8.2f %8.2f %8.2f %8.2f %8.2f %8d   [p50 %.2f, p99 %.2f, max %.2f]%n",
                        kind.label, h.getTotalCount(), ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0,
                        measured.errors[kind.ordinal()].get(), ms(s, 50), ms(s, 99), s.getMaxValue() / 1000.0);
                pass &= ms(h, 99) <= TARGET_P99_MS;
            }
            System.out.println("per 10 s (all kinds): " + measured.windows());
            System.out.println("during the run: " + resources.between(before, after, measured.sent.get()));
            if (measured.errors() > 0) {
                System.out.println("INVALID: " + measured.errors() + " errors — not a valid measurement; first ones:");
                measured.errorSamples.stream().limit(5).forEach(e -> System.out.println("  " + e));
            } else {
                System.out.println((pass ? "PASS" : "FAIL") + ": p99 ≤ " + (int) TARGET_P99_MS + " ms for every kind");
            }
            if (!pass || Boolean.getBoolean("explain")) {
                sequential(app, http, base, token, population);
                explain(jdbc, population);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Data

    private static final String[] FIRST_NAMES = {"Ola", "Kari", "Per", "Anne", "Bjørn", "Åse", "Øystein", "Ingrid", "Lars", "Marit",
            "Jørgen", "Solveig", "Håkon", "Sigrid", "Knut", "Ragnhild", "Even", "Tove", "Ståle", "Bodil", "Nils", "Liv", "Tor",
            "Berit", "Magnus", "Hanne", "Sindre", "Grete", "Eirik", "Astrid", "Jon", "Turid", "Kristoffer", "Siri", "Ørjan",
            "Mette", "Geir", "Heidi", "Trygve", "Aud", "Anne-Lise", "Jan Erik", "Mari", "Emil", "Nora", "Jakob", "Emma", "Sofie",
            "Filip", "Ida", "Aksel", "Maja", "René", "Zoë", "Mohammed", "Fatima", "Piotr", "Agnieszka", "Ahmed", "Amina"};
    private static final String[] LAST_NAMES = {"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
            "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen",
            "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen",
            "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken",
            "Kristoffersen", "Mathisen", "Lie", "Rasmussen", "Amundsen", "Lunde", "Kristensen", "Bakke", "Berge", "Moe",
            "Nygård", "Fredriksen", "Solheim", "Holm", "Lien", "Ødegård", "Sæther", "Bråthen", "Aas", "Østby", "Kowalski",
            "Nguyen", "Ali", "Hussain", "Ahmadi", "Fjeld-Øvrebø", "Brække", "Løkken"};
    private static final String[] STREETS = {"Storgata", "Kirkegata", "Skolegata", "Parkveien", "Bjørkeveien", "Furuveien",
            "Granveien", "Løvåsveien", "Sjøgata", "Fjordveien", "Solbakken", "Åsveien", "Bakkegata", "Eikeveien", "Hagaløkka",
            "Øvre Slottsgate", "Nedre Storgate", "Tollbugata", "Dronningens gate", "Kongsvegen", "Rådhusgata", "Vestre vei"};
    private static final String[] EMAIL_DOMAINS = {"gmail.com", "online.no", "hotmail.com", "outlook.com", "icloud.com", "yahoo.no"};

    /** A postal place with the municipality, price area and grid owner of its metering points. */
    private record Place(String postcode, String city, String municipality, String priceArea, int gridOwner, boolean vatExempt) {
    }

    private static final Place[] PLACES = {
            new Place("0150", "Oslo", "0301", "NO1", 0, false), new Place("0661", "Oslo", "0301", "NO1", 0, false),
            new Place("0480", "Oslo", "0301", "NO1", 0, false), new Place("1338", "Sandvika", "3201", "NO1", 0, false),
            new Place("2317", "Hamar", "3403", "NO1", 0, false), new Place("3117", "Tønsberg", "3905", "NO1", 3, false),
            new Place("3918", "Porsgrunn", "4001", "NO2", 3, false), new Place("4006", "Stavanger", "1103", "NO2", 5, false),
            new Place("4612", "Kristiansand", "4204", "NO2", 3, false), new Place("5003", "Bergen", "4601", "NO5", 1, false),
            new Place("5527", "Haugesund", "1106", "NO2", 5, false), new Place("6002", "Ålesund", "1508", "NO3", 2, false),
            new Place("7011", "Trondheim", "5001", "NO3", 2, false), new Place("7600", "Levanger", "5037", "NO3", 2, false),
            new Place("8006", "Bodø", "1804", "NO4", 4, true), new Place("9008", "Tromsø", "5501", "NO4", 4, true)};
    private static final Place[] CABIN_PLACES = {
            new Place("3580", "Geilo", "3330", "NO5", 1, false), new Place("2680", "Vågå", "3435", "NO1", 0, false),
            new Place("3864", "Rauland", "4020", "NO2", 3, false), new Place("7580", "Selbu", "5032", "NO3", 2, false)};
    private static final String[][] GRID_OWNERS = {{"708000100001", "Elvia AS"}, {"708000100002", "BKK AS"},
            {"708000100003", "Tensio TN AS"}, {"708000100004", "Lede AS"}, {"708000100005", "Arva AS"},
            {"708000100006", "Lnett AS"}};

    /**
     * Everything set-based: the rows are made in Java (valid check digits, folded names) and inserted with unnest, in one
     * transaction with {@code session_replication_role = replica} — the foreign keys' per-row triggers do not fire (the
     * rows refer to what the same statements just inserted, joined on it); checks, unique and exclusion constraints and
     * all indexes still apply.
     */
    static void load(JdbcClient jdbc, TransactionTemplate tx, int count) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            insert(jdbc, count);
        });
        long start = System.nanoTime();
        jdbc.sql("""
                vacuum analyze customer, grid_owner, metering_point, metering_point_characteristics, metering_point_property,
                    contract, delivery, invoice""").update();
        System.out.printf(Locale.ROOT, "load steps: vacuum analyze %.1f s%n", seconds(start));
    }

    private static void insert(JdbcClient jdbc, int count) {
        Steps steps = new Steps();
        SplittableRandom random = new SplittableRandom(20261123);
        String[] nationalIds = new String[count];
        String[] births = new String[count];
        String[] firstNames = new String[count];
        String[] lastNames = new String[count];
        String[] searchNames = new String[count];
        String[] emails = new String[count];
        String[] mobiles = new String[count];
        String[] streets = new String[count];
        String[] placeOf = new String[count];
        Set<String> usedIds = new HashSet<>(count * 2);
        Set<String> usedMobiles = new HashSet<>(count * 2);
        int household = 0;
        for (int i = 0; i < count; i++) {
            NationalId id = nationalId(random, usedIds);
            nationalIds[i] = id.value();
            births[i] = id.dateOfBirth().toString();
            firstNames[i] = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            if (household > 0) {
                // the rest of a household: same mobile number, surname and address as the one before
                household--;
                lastNames[i] = lastNames[i - 1];
                mobiles[i] = mobiles[i - 1];
                streets[i] = streets[i - 1];
                placeOf[i] = placeOf[i - 1];
            } else {
                lastNames[i] = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                mobiles[i] = mobile(random, usedMobiles);
                streets[i] = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(120))
                        + (random.nextInt(5) == 0 ? " " + (char) ('A' + random.nextInt(4)) : "");
                placeOf[i] = Integer.toString(random.nextInt(PLACES.length));
                if (random.nextInt(100) == 0) {
                    household = 1 + random.nextInt(2);   // this number is shared by 2 or 3 customers
                }
            }
            searchNames[i] = SearchName.fold(firstNames[i] + " " + lastNames[i]);
            emails[i] = random.nextInt(100) < 85
                    ? SearchName.fold(firstNames[i]).replace(' ', '.') + "." + SearchName.fold(lastNames[i]).replace(' ', '-') + i
                    + "@" + EMAIL_DOMAINS[random.nextInt(EMAIL_DOMAINS.length)]
                    : null;
        }
        String[] postcodes = new String[count];
        String[] cities = new String[count];
        for (int i = 0; i < count; i++) {
            Place place = PLACES[Integer.parseInt(placeOf[i])];
            postcodes[i] = place.postcode();
            cities[i] = place.city();
        }
        steps.done("customer rows made in Java");
        jdbc.sql("""
                insert into customer (customer_number, kind, national_id, date_of_birth, first_name, last_name, search_name,
                    email, mobile, street, postcode, city, country_code, version, created_at, created_by, updated_at, updated_by)
                select 1000000 + t.n, 'PRIVATE', t.national_id, cast(t.born as date), t.first_name, t.last_name, t.search_name,
                    t.email, t.mobile, t.street, t.postcode, t.city, 'NO', 0, now(), 'benchmark', now(), 'benchmark'
                from unnest(cast(:nid as varchar[]), cast(:born as varchar[]), cast(:first as varchar[]), cast(:last as varchar[]),
                    cast(:search as varchar[]), cast(:email as varchar[]), cast(:mobile as varchar[]), cast(:street as varchar[]),
                    cast(:postcode as varchar[]), cast(:city as varchar[]))
                    with ordinality as t(national_id, born, first_name, last_name, search_name, email, mobile, street, postcode,
                    city, n)""")
                .param("nid", nationalIds).param("born", births).param("first", firstNames).param("last", lastNames)
                .param("search", searchNames).param("email", emails).param("mobile", mobiles).param("street", streets)
                .param("postcode", postcodes).param("city", cities).update();
        steps.done("customer insert");
        jdbc.sql("select setval('customer_number_seq', (select max(customer_number) from customer))").query().singleRow();

        // metering points: one per customer at the home address, every tenth customer also a cabin
        List<String[]> points = new ArrayList<>(count + count / 10 + 1);
        int serial = 0;
        for (int i = 0; i < count; i++) {
            Place home = PLACES[Integer.parseInt(placeOf[i])];
            points.add(point(++serial, i, streets[i], home, "35", random));
            if (i % 10 == 9) {
                Place cabin = CABIN_PLACES[random.nextInt(CABIN_PLACES.length)];
                points.add(point(++serial, i, "Hyttegrenda " + (1 + random.nextInt(200)), cabin, "36", random));
            }
        }
        String[][] columns = new String[10][points.size()];
        for (int p = 0; p < points.size(); p++) {
            for (int c = 0; c < 10; c++) {
                columns[c][p] = points.get(p)[c];
            }
        }
        for (String[] owner : GRID_OWNERS) {
            jdbc.sql("""
                    insert into grid_owner (gln, name, version, created_at, created_by, updated_at, updated_by)
                    values (:gln, :name, 0, now(), 'benchmark', now(), 'benchmark')""")
                    .param("gln", owner[0] + gs1CheckDigit(owner[0])).param("name", owner[1]).update();
        }
        jdbc.sql("""
                create temporary table benchmark_point on commit drop as
                select t.* from unnest(cast(:gsrn as varchar[]), cast(:customer as bigint[]), cast(:street as varchar[]),
                    cast(:postcode as varchar[]), cast(:city as varchar[]), cast(:municipality as varchar[]),
                    cast(:area as varchar[]), cast(:gln as varchar[]), cast(:group as varchar[]), cast(:flags as varchar[]))
                    with ordinality as t(gsrn, customer_number, street, postcode, city, municipality, price_area, gln,
                    end_user_group, flags, n)""")
                .param("gsrn", columns[0]).param("customer", columns[1]).param("street", columns[2]).param("postcode", columns[3])
                .param("city", columns[4]).param("municipality", columns[5]).param("area", columns[6]).param("gln", columns[7])
                .param("group", columns[8]).param("flags", columns[9]).update();
        steps.done("metering point rows staged");
        jdbc.sql("""
                insert into metering_point (gsrn, version, created_at, created_by, updated_at, updated_by)
                select gsrn, 0, now(), 'benchmark', now(), 'benchmark' from benchmark_point order by n""").update();
        steps.done("metering_point insert");
        jdbc.sql("""
                insert into metering_point_characteristics (metering_point_id, valid_from, price_area, grid_owner_gln, street,
                    postcode, city, municipality_number, end_user_group, resolution, vat_exempt,
                    created_at, created_by, updated_at, updated_by)
                select mp.id, date '2012-01-01' + (b.n % 1500)::int, b.price_area, b.gln, b.street, b.postcode, b.city,
                    b.municipality, b.end_user_group, 'PT15M', substr(b.flags, 1, 1) = 'V', now(), 'benchmark', now(), 'benchmark'
                from benchmark_point b join metering_point mp on mp.gsrn = b.gsrn""").update();
        steps.done("characteristics insert");
        // 900: strømstøtte (0) or none (3, cabins) since January 2025; a third took Norgespris (888 = 1) from October,
        // which closed that value and settles them as 1 (household) or 2 (cabin)
        jdbc.sql("""
                insert into metering_point_property (metering_point_id, code, value, valid_from, valid_to,
                    created_at, created_by, updated_at, updated_by)
                select mp.id, 900, case when b.end_user_group = '36' then 3 else 0 end, date '2025-01-01',
                    case when substr(b.flags, 2, 1) = 'N' then date '2025-10-01' end, now(), 'benchmark', now(), 'benchmark'
                from benchmark_point b join metering_point mp on mp.gsrn = b.gsrn
                union all
                select mp.id, 900, case when b.end_user_group = '36' then 2 else 1 end, date '2025-10-01', null,
                    now(), 'benchmark', now(), 'benchmark'
                from benchmark_point b join metering_point mp on mp.gsrn = b.gsrn where substr(b.flags, 2, 1) = 'N'
                union all
                select mp.id, 888, 1, date '2025-10-01', null, now(), 'benchmark', now(), 'benchmark'
                from benchmark_point b join metering_point mp on mp.gsrn = b.gsrn where substr(b.flags, 2, 1) = 'N'""").update();
        steps.done("property insert");
        jdbc.sql("""
                insert into contract (contract_number, customer_id, start_date, version, created_at, created_by, updated_at, updated_by)
                select 5000000 + (customer_number - 1000000), id, date '2016-01-01' + (customer_number * 7919 % 3800)::int, 0,
                    now(), 'benchmark', now(), 'benchmark'
                from customer order by id""").update();
        jdbc.sql("select setval('contract_number_seq', (select max(contract_number) from contract))").query().singleRow();
        steps.done("contract insert");
        jdbc.sql("""
                insert into delivery (contract_id, metering_point_id, product_code, valid_from, created_at, created_by, updated_at, updated_by)
                select k.id, mp.id, 'SPOT', k.start_date, now(), 'benchmark', now(), 'benchmark'
                from benchmark_point b
                join metering_point mp on mp.gsrn = b.gsrn
                join customer c on c.customer_number = b.customer_number
                join contract k on k.customer_id = c.id
                order by b.n""").update();
        steps.done("delivery insert");
        // three monthly invoices per customer (August–October 2026), numbered on from the counter
        jdbc.sql("""
                insert into invoice (invoice_number, kind, customer_id, period_from, period_to, issue_date, due_date, kid,
                    net_amount, vat_amount, total_amount, created_at, created_by, updated_at, updated_by)
                select 100000 + row_number() over (order by m.month, c.id), 'INVOICE', c.id, m.month,
                    (m.month + interval '1 month')::date, (m.month + interval '1 month')::date + 4,
                    (m.month + interval '1 month')::date + 18,
                    '00' || c.customer_number || to_char(m.month, 'YYYYMM') || '00',
                    a.net, round(a.net * 0.25, 2), a.net + round(a.net * 0.25, 2), now(), 'benchmark', now(), 'benchmark'
                from customer c
                cross join (values (date '2026-08-01'), (date '2026-09-01'), (date '2026-10-01')) as m(month)
                cross join lateral (select round((150 + (c.customer_number * 37 + extract(month from m.month)::bigint * 101) % 2400
                    + 0.01 * (c.customer_number % 100))::numeric, 2) as net) a""").update();
        jdbc.sql("update invoice_number_counter set last_number = (select max(invoice_number) from invoice)").update();
        steps.done("invoice insert");
        System.out.println("load steps: " + steps);
    }

    /** Seconds per loading step, to see which one to make faster. */
    private static final class Steps {
        private final StringBuilder done = new StringBuilder();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            done.append(done.isEmpty() ? "" : ", ").append(step).append(String.format(Locale.ROOT, " %.1f s", (now - last) / 1e9));
            last = now;
        }

        @Override
        public String toString() {
            return done.toString();
        }
    }

    /** {gsrn, customer number, street, postcode, city, municipality, price area, grid owner GLN, end-user group, flags}. */
    private static String[] point(int serial, int customer, String street, Place place, String endUserGroup, SplittableRandom random) {
        String body = "707057500" + Integer.toString(100_000_000 + serial).substring(1);
        String gln = GRID_OWNERS[place.gridOwner()][0];
        String flags = (place.vatExempt() ? "V" : "-") + (random.nextInt(3) == 0 ? "N" : "-");
        return new String[] {body + gs1CheckDigit(body), Long.toString(1_000_001L + customer), street, place.postcode(),
                place.city(), place.municipality(), place.priceArea(), gln + gs1CheckDigit(gln), endUserGroup, flags};
    }

    private static int gs1CheckDigit(String digits) {
        int sum = 0;
        int weight = 3;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += weight * (digits.charAt(i) - '0');
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    private static final int[] NID_WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] NID_WEIGHTS_2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    /** A unique fødselsnummer for someone born 1936–2006, with the individual number range of their century. */
    private static NationalId nationalId(SplittableRandom random, Set<String> used) {
        while (true) {
            LocalDate born = LocalDate.of(1936, 1, 1).plusDays(random.nextInt(71 * 365));
            int individual = born.getYear() < 2000 ? random.nextInt(500) : 500 + random.nextInt(500);
            String digits = twoDigits(born.getDayOfMonth()) + twoDigits(born.getMonthValue()) + twoDigits(born.getYear() % 100)
                    + (char) ('0' + individual / 100) + twoDigits(individual % 100);
            int k1 = mod11(digits, NID_WEIGHTS_1);
            if (k1 < 0) {
                continue;
            }
            int k2 = mod11(digits + k1, NID_WEIGHTS_2);
            if (k2 < 0) {
                continue;
            }
            String value = digits + k1 + k2;
            if (used.add(value)) {
                return new NationalId(value);   // validates again, and gives the date of birth back
            }
        }
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static int mod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    private static String mobile(SplittableRandom random, Set<String> used) {
        while (true) {
            String value = "+47" + (random.nextInt(3) == 0 ? '4' : '9') + Integer.toString(10_000_000 + random.nextInt(10_000_000)).substring(1);
            if (used.add(value)) {
                return value;
            }
        }
    }

    /** Who to ask for: customer numbers, and the mobile numbers of the customers that have one. */
    private record Population(long[] numbers, String[] mobiles) {

        static Population read(JdbcClient jdbc) {
            long[] numbers = jdbc.sql("select customer_number from customer order by customer_number").query(Long.class).list()
                    .stream().mapToLong(Long::longValue).toArray();
            String[] mobiles = jdbc.sql("select mobile from customer where mobile is not null order by customer_number")
                    .query(String.class).list().toArray(String[]::new);
            return new Population(numbers, mobiles);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Load

    private enum Kind {
        PHONE("phone look-up"), PARTNER_PHONE("partner phone"), OVERVIEW("customer 360");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A customer-service token from the token endpoint, refreshed a minute before it expires. */
    private static final class Token implements AutoCloseable {

        private final HttpClient http;
        private final String base;
        private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-refresh");
            t.setDaemon(true);
            return t;
        });
        private volatile String value;

        Token(HttpClient http, String base) throws IOException, InterruptedException {
            this.http = http;
            this.base = base;
            refresh();
        }

        String value() {
            return value;
        }

        private void refresh() throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/local/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id=customer-service&client_secret=local-secret"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            Matcher expires = EXPIRES_IN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find() || !expires.find()) {
                throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
            }
            value = token.group(1);
            long refreshIn = Math.max(10, Long.parseLong(expires.group(1)) - 60);
            refresher.schedule(() -> {
                try {
                    refresh();
                } catch (Exception e) {
                    System.err.println("token refresh failed: " + e);
                }
            }, refreshIn, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            refresher.shutdownNow();
        }
    }

    /** One request of each kind before the run, so a broken set-up fails loudly instead of as a run of errors. */
    private static void sanityCheck(HttpClient http, String base, Token token, JdbcClient jdbc) throws Exception {
        String sharedMobile = jdbc.sql("""
                select mobile from customer group by mobile having count(*) > 1 order by count(*) desc, mobile limit 1""")
                .query(String.class).optional().orElse(null);
        long someCustomer = jdbc.sql("select min(customer_number) from customer").query(Long.class).single();
        if (sharedMobile != null) {
            HttpResponse<String> phone = http.send(get(base + phoneUri(sharedMobile), token), HttpResponse.BodyHandlers.ofString());
            Matcher total = TOTAL.matcher(phone.body());
            if (phone.statusCode() != 200) {
                throw new IllegalStateException("phone look-up: " + phone.statusCode() + " " + phone.body());
            }
            System.out.println("check: phone look-up of a shared number → " + phone.statusCode() + ", total "
                    + (total.find() ? total.group(1) : "?") + ", " + phone.body().length() + " bytes");
        }
        HttpResponse<String> overview = http.send(get(base + "/api/v1/customers/" + someCustomer + "/overview", token),
                HttpResponse.BodyHandlers.ofString());
        if (overview.statusCode() != 200) {
            throw new IllegalStateException("overview: " + overview.statusCode() + " " + overview.body());
        }
        System.out.println("check: customer 360 of " + someCustomer + " → " + overview.statusCode() + ", "
                + overview.body().length() + " bytes: " + abbreviate(overview.body(), 300));
    }

    /**
     * The home screen's address search ({@code GET /api/v1/customers?address=street number postcode}), one at a time
     * after the measured run (not part of its mix, not in PASS/FAIL): 300 addresses of random customers, the first 50
     * as warm-up. Every answer must hold at least the customer it was taken from.
     */
    private static String addressLookups(HttpClient http, String base, Token token, JdbcClient jdbc) throws Exception {
        List<String> addresses = jdbc.sql("select street || ' ' || postcode from customer order by random() limit 300")
                .query(String.class).list();
        Histogram h = new Histogram(60_000_000_000L, 3);
        long hits = 0;
        for (int i = 0; i < addresses.size(); i++) {
            String uri = base + "/api/v1/customers?address=" + URLEncoder.encode(addresses.get(i), StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(get(uri, token), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            Matcher total = TOTAL.matcher(response.body());
            if (response.statusCode() != 200 || !total.find() || Long.parseLong(total.group(1)) < 1) {
                throw new IllegalStateException("address look-up " + uri + ": " + response.statusCode() + " " + abbreviate(response.body(), 200));
            }
            if (i >= 50) {
                h.recordValue(took);
                hits += Long.parseLong(total.group(1));
            }
        }
        return String.format(Locale.ROOT, "address search (sequential, after the run): %d look-ups, p50 %.1f ms, p95 %.1f ms, max %.1f ms; "
                        + "%.1f customers per answer on average", h.getTotalCount(), h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(95) / 1e6, h.getMaxValue() / 1e6, (double) hits / h.getTotalCount());
    }

    private static String phoneUri(String mobile) {
        return "/api/v1/customers?phone=" + URLEncoder.encode(mobile, StandardCharsets.UTF_8);
    }

    private static HttpRequest get(String uri, Token token) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token.value())
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
    }

    /**
     * The open-model generator. One thread walks the schedule — request i is due at {@code start + i × 10⁹ / rate} ns —
     * parks until it is due and sends it asynchronously, never waiting for an answer; if it is late it sends at once.
     * The answer's latency is taken from the due time (what a caller would have waited), the service time from the
     * actual send.
     */
    private static final class Driver {

        private final HttpClient http;
        private final String base;
        private final Token token;
        private final Population population;
        private final int rate;
        private final int seconds;
        private final SplittableRandom random;
        final Histogram[] latency = java.util.stream.Stream.generate(() -> new Histogram(3_600_000_000L, 3))
                .limit(Kind.values().length).toArray(Histogram[]::new);
        final Histogram[] service = java.util.stream.Stream.generate(() -> new Histogram(3_600_000_000L, 3))
                .limit(Kind.values().length).toArray(Histogram[]::new);
        final AtomicLong[] errors = java.util.stream.Stream.generate(AtomicLong::new).limit(Kind.values().length).toArray(AtomicLong[]::new);
        final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong maxLagNanos = new AtomicLong();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final List<Histogram> windows = new ArrayList<>();
        private long start;
        double sendSeconds;

        Driver(HttpClient http, String base, Token token, Population population, int rate, int seconds, long seed) {
            this.http = http;
            this.base = base;
            this.token = token;
            this.population = population;
            this.rate = rate;
            this.seconds = seconds;
            this.random = new SplittableRandom(seed);
        }

        long errors() {
            return java.util.Arrays.stream(errors).mapToLong(AtomicLong::get).sum();
        }

        void run() throws InterruptedException {
            long total = (long) rate * seconds;
            for (int w = 0; w <= seconds / 10; w++) {
                windows.add(new Histogram(3_600_000_000L, 3));
            }
            start = System.nanoTime() + 5_000_000;
            double interval = 1e9 / rate;
            for (long i = 0; i < total; i++) {
                long due = start + Math.round(i * interval);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                // every other request a customer 360; the look-ups alternate between the staff search and the partner API's
                // account look-up (which also writes its audit row)
                Kind kind = i % 2 == 1 ? Kind.OVERVIEW : i % 4 == 0 ? Kind.PHONE : Kind.PARTNER_PHONE;
                String mobile = population.mobiles[random.nextInt(population.mobiles.length)];
                String uri = switch (kind) {
                    case PHONE -> phoneUri(mobile);
                    case PARTNER_PHONE -> "/api/v1/partner/accounts?phone=" + URLEncoder.encode(mobile, StandardCharsets.UTF_8);
                    case OVERVIEW -> "/api/v1/customers/" + population.numbers[random.nextInt(population.numbers.length)] + "/overview";
                };
                HttpRequest request = get(base + uri, token);
                long sentAt = System.nanoTime();
                maxLagNanos.accumulateAndGet(sentAt - due, Math::max);
                sent.incrementAndGet();
                inFlight.incrementAndGet();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                    long now = System.nanoTime();
                    record(kind, due, sentAt, now);
                    if (failure != null) {
                        error(kind, uri + " → " + failure);
                    } else if (response.statusCode() / 100 != 2) {
                        error(kind, uri + " → " + response.statusCode() + " "
                                + abbreviate(new String(response.body(), StandardCharsets.UTF_8), 200));
                    }
                    completed.incrementAndGet();
                    inFlight.decrementAndGet();
                });
            }
            sendSeconds = (System.nanoTime() - start) / 1e9;
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
                Thread.sleep(5);
            }
            if (inFlight.get() > 0) {
                errors[0].addAndGet(inFlight.get());
                errorSamples.add(inFlight.get() + " requests still without an answer 40 s after the last was sent");
            }
        }

        private void record(Kind kind, long due, long sentAt, long now) {
            Histogram l = latency[kind.ordinal()];
            Histogram s = service[kind.ordinal()];
            synchronized (l) {
                l.recordValue(Math.min((now - due) / 1000, l.getHighestTrackableValue()));
                s.recordValue(Math.min((now - sentAt) / 1000, s.getHighestTrackableValue()));
            }
            Histogram w = windows.get((int) Math.min(windows.size() - 1, (due - start) / 10_000_000_000L));
            synchronized (w) {
                w.recordValue(Math.min((now - due) / 1000, w.getHighestTrackableValue()));
            }
        }

        /** p99 / max in ms of each 10-second window of due times. */
        String windows() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < windows.size(); i++) {
                Histogram w = windows.get(i);
                if (w.getTotalCount() > 0) {
                    text.append(String.format(Locale.ROOT, "%s%d–%d s p99 %.0f max %.0f", text.isEmpty() ? "" : "; ", i * 10,
                            i * 10 + 10, ms(w, 99), w.getMaxValue() / 1000.0));
                }
            }
            return text.toString();
        }

        private void error(Kind kind, String what) {
            errors[kind.ordinal()].incrementAndGet();
            if (errorSamples.size() < 20) {
                errorSamples.add(what);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Diagnosis

    /**
     * Where the CPU went during the run: this JVM (the application and the load generator share it — the generator's
     * own threads are counted apart), its embedded PostgreSQL (the postmaster named in {@code postmaster.pid} and its
     * backends), and the whole machine — the rest is other work on the machine; plus the JVM's GC pauses and JIT
     * compilation.
     */
    static final class Resources {

        record Snapshot(long jvmCpuNanos, long generatorCpuNanos, long postgresTicks, long[] machine, long gcPauses,
                long gcPauseMillis, long gcMaxPauseMillis, long jitMillis, long nanos) {
        }

        private static final AtomicLong MAX_PAUSE = new AtomicLong();
        private static final AtomicLong PAUSES = new AtomicLong();
        private static final AtomicLong PAUSE_MILLIS = new AtomicLong();

        static {
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (!notification.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                            return;
                        }
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) notification.getUserData());
                        if (info.getGcName().contains("Concurrent")) {
                            return;   // runs beside the application, no pause
                        }
                        long millis = info.getGcInfo().getDuration();
                        PAUSES.incrementAndGet();
                        PAUSE_MILLIS.addAndGet(millis);
                        MAX_PAUSE.accumulateAndGet(millis, Math::max);
                    }, null, null);
                }
            }
        }

        private final Path postgresData;

        Resources(Path postgresData) {
            this.postgresData = postgresData;
        }

        Snapshot snapshot() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long generator = threads.getCurrentThreadCpuTime();   // the scheduling thread: the caller
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && (info.getThreadName().startsWith("generator-") || info.getThreadName().startsWith("HttpClient-"))) {
                    generator += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            long postgres = 0;
            try {
                long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).getFirst().trim());
                postgres = ticks(postmaster) + ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants)
                        .mapToLong(p -> ticks(p.pid())).sum();
            } catch (IOException | RuntimeException e) {
                // no postmaster.pid: the PostgreSQL figure stays 0
            }
            long[] machine = new long[8];   // user nice system idle iowait irq softirq steal, in ticks
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                for (int i = 0; i < machine.length && i + 1 < cpu.length; i++) {
                    machine[i] = Long.parseLong(cpu[i + 1]);
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: the machine figures stay 0
            }
            long jit = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            // the longest pause since the previous snapshot
            return new Snapshot(jvm, generator, postgres, machine, PAUSES.get(), PAUSE_MILLIS.get(), MAX_PAUSE.getAndSet(0), jit,
                    System.nanoTime());
        }

        /** utime + stime of a process, in clock ticks (1/100 s), 0 if it is gone. */
        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        String between(Snapshot a, Snapshot b, long requests) {
            double wall = (b.nanos() - a.nanos()) / 1e9;
            int cpus = Runtime.getRuntime().availableProcessors();
            double jvm = (b.jvmCpuNanos() - a.jvmCpuNanos()) / 1e9;
            double generator = (b.generatorCpuNanos() - a.generatorCpuNanos()) / 1e9;
            double postgres = (b.postgresTicks() - a.postgresTicks()) / 100.0;
            long[] d = new long[8];
            long all = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = b.machine()[i] - a.machine()[i];
                all += d[i];
            }
            double share = all == 0 ? 0 : 1.0 / all;
            double busy = (d[0] + d[1] + d[2] + d[5] + d[6]) * share;   // of all CPUs, excluding idle, iowait and steal
            double busySeconds = busy * cpus * wall;
            return String.format(Locale.ROOT, "CPU (%d cores = 100 %%): application JVM %.0f %% (%.2f ms/request), load generator %.0f %% "
                            + "(%.2f ms/request), embedded PostgreSQL %.0f %% (%.2f ms/request); machine busy %.0f %%, of which other "
                            + "processes ≈ %.0f %%; iowait %.0f %%, steal %.0f %%; GC: %d pauses, %d ms in all, longest %d ms; "
                            + "JIT compiling %.1f s",
                    cpus, 100 * (jvm - generator) / wall / cpus, 1000 * (jvm - generator) / requests, 100 * generator / wall / cpus,
                    1000 * generator / requests, 100 * postgres / wall / cpus, 1000 * postgres / requests, 100 * busy,
                    Math.max(0, 100 * (busySeconds - jvm - postgres) / wall / cpus), 100 * d[4] * share, 100 * d[7] * share,
                    b.gcPauses() - a.gcPauses(), b.gcPauseMillis() - a.gcPauseMillis(), b.gcMaxPauseMillis(),
                    (b.jitMillis() - a.jitMillis()) / 1000.0);
        }
    }

    /**
     * Each kind alone, one request at a time (no queueing): latency, and the SQL statements Hibernate prepares per
     * request (Hibernate's statistics, switched on only here; the phone look-up is one JdbcClient statement, which they
     * do not see).
     */
    private static void sequential(BenchmarkApp app, HttpClient http, String base, Token token, Population population)
            throws IOException, InterruptedException {
        org.hibernate.stat.Statistics statistics = app.bean(jakarta.persistence.EntityManagerFactory.class)
                .unwrap(org.hibernate.SessionFactory.class).getStatistics();
        SplittableRandom random = new SplittableRandom(11);
        System.out.println();
        for (Kind kind : Kind.values()) {
            int n = 200;
            Histogram h = new Histogram(3_600_000_000L, 3);
            statistics.clear();
            statistics.setStatisticsEnabled(true);
            for (int i = 0; i < n; i++) {
                String uri = kind == Kind.PHONE
                        ? phoneUri(population.mobiles[random.nextInt(population.mobiles.length)])
                        : "/api/v1/customers/" + population.numbers[random.nextInt(population.numbers.length)] + "/overview";
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(get(base + uri, token), HttpResponse.BodyHandlers.ofByteArray());
                h.recordValue((System.nanoTime() - start) / 1000);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(uri + " → " + response.statusCode());
                }
            }
            statistics.setStatisticsEnabled(false);
            System.out.printf(Locale.ROOT, "%s, %d requests one at a time: p50 %.2f ms, p99 %.2f ms, max %.2f ms; per request "
                            + "Hibernate prepared %.1f statements, loaded %.1f entities, fetched %.1f collections%n",
                    kind.label, n, ms(h, 50), ms(h, 99), h.getMaxValue() / 1000.0, (double) statistics.getPrepareStatementCount() / n,
                    (double) statistics.getEntityLoadCount() / n, (double) statistics.getCollectionFetchCount() / n);
        }
    }

    /** The statements behind both look-ups, with their plans and timings, for a random customer. */
    private static void explain(JdbcClient jdbc, Population population) {
        SplittableRandom random = new SplittableRandom(7);
        String mobile = population.mobiles[random.nextInt(population.mobiles.length)];
        long number = population.numbers[random.nextInt(population.numbers.length)];
        System.out.println();
        System.out.println("EXPLAIN ANALYZE of the phone look-up (CustomerSearch, page 0, size 20):");
        plan(jdbc, """
                select c.customer_number, c.kind, c.first_name, c.last_name, c.organisation_name, c.national_id,
                       c.organisation_number, c.email, c.mobile, c.city, count(*) over () as total
                from customer c where c.mobile = '%s' order by c.search_name, c.id limit 20 offset 0""".formatted(mobile));
        System.out.println("EXPLAIN ANALYZE of the customer 360's reads (customer, contracts, deliveries, metering points, "
                + "master data, properties, grid owner):");
        plan(jdbc, "select * from customer where customer_number = " + number);
        plan(jdbc, "select * from contract k join customer c on c.id = k.customer_id where c.customer_number = " + number
                + " order by k.contract_number");
        plan(jdbc, "select d.* from delivery d where d.contract_id in (select k.id from contract k join customer c on c.id = k.customer_id "
                + "where c.customer_number = " + number + ")");
        String points = "(select d.metering_point_id from delivery d join contract k on k.id = d.contract_id join customer c "
                + "on c.id = k.customer_id where c.customer_number = " + number + ")";
        plan(jdbc, "select * from metering_point where id in " + points);
        plan(jdbc, "select * from metering_point_characteristics where metering_point_id in " + points);
        plan(jdbc, "select * from metering_point_property where metering_point_id in " + points);
        plan(jdbc, "select * from grid_owner where gln = (select min(gln) from grid_owner)");
    }

    private static void plan(JdbcClient jdbc, String sql) {
        System.out.println("-- " + sql.replaceAll("\\s+", " "));
        jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list().forEach(line -> System.out.println("   " + line));
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
