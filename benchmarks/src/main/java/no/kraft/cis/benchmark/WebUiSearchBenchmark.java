package no.kraft.cis.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff web UI with the customer-lookup data set (200 000 customers): from pressing Enter on a phone search to the
 * customer 360 fully shown, in headless Chromium (Debian's), p95 ≤ 1 s. Needs the web UI built (web-ui/node_modules)
 * and /usr/bin/chromium. Usage: {@code web-ui-search [customers=200000] [searches=60] [warm-up=10]}.
 */
final class WebUiSearchBenchmark {

    private static final double TARGET_P95_MS = 1000;

    private WebUiSearchBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path webUi = Path.of(System.getProperty("web-ui.dir", "web-ui")).toAbsolutePath();
        Path script = Path.of(System.getProperty("benchmark.script", "benchmarks/src/main/node/search-to-360.mjs")).toAbsolutePath();
        try (BenchmarkApp app = BenchmarkApp.start()) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            long t0 = System.nanoTime();
            CustomerLookupBenchmark.load(jdbc, new TransactionTemplate(app.bean(PlatformTransactionManager.class)), customers);
            System.out.printf(Locale.ROOT, "loaded %,d customers in %.1f s%n", customers, (System.nanoTime() - t0) / 1e9);
            // phone numbers held by exactly one customer, spread over the population
            List<String> phones = jdbc.sql("""
                    select mobile from customer where mobile is not null group by mobile having count(*) = 1
                    order by md5(mobile) limit :n""").param("n", searches + warmUp).query(String.class).list();
            Path file = Files.createTempFile("phones", ".txt");
            Files.write(file, phones.stream().map(m -> m.replaceFirst("^\\+47", "")).map(m -> m.substring(0, 3) + " " + m.substring(3, 5)
                    + " " + m.substring(5)).toList());
            ProcessBuilder node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
            node.environment().putAll(java.util.Map.of("BASE_URL", "http://127.0.0.1:" + app.port(), "WEB_UI", webUi.toString(),
                    "PHONES", file.toString(), "WARM_UP", String.valueOf(warmUp)));
            Process process = node.start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.MINUTES);
            System.out.print(output);
            var result = java.util.regex.Pattern.compile("\"p95\":([0-9.]+)").matcher(output);
            if (process.exitValue() != 0 || !result.find()) {
                System.out.println("INVALID: the browser run failed");
                return;
            }
            double p95 = Double.parseDouble(result.group(1));
            System.out.printf(Locale.ROOT, "web-ui-search: %,d customers, %d searches after %d warm-up; Enter → customer 360 fully shown: "
                    + "p95 %.0f ms%n%s: p95 ≤ %.0f ms%n", customers, phones.size() - warmUp, warmUp, p95,
                    p95 <= TARGET_P95_MS ? "PASS" : "FAIL", TARGET_P95_MS);
        }
    }
}
