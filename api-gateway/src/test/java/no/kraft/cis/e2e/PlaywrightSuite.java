package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The web UI's Playwright suite ({@code npx playwright test} in {@code web-ui}) run as a process with the environment its
 * specs read, on top of this JVM's own (so {@code E2E_GREP} reaches {@code playwright.config.ts}). Its lines are echoed
 * as they come ({@code [playwright] …}); it fails with the whole report when a spec failed or the suite did not finish
 * in ten minutes.
 */
final class PlaywrightSuite {

    private final Path directory;

    PlaywrightSuite(Path directory) {
        this.directory = directory;
    }

    void run(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder playwright = new ProcessBuilder("npx", "--no-install", "playwright", "test")
                .directory(directory.toFile()).redirectErrorStream(true);
        playwright.environment().putAll(environment);
        Process process = playwright.start();
        StringBuilder report = new StringBuilder();
        try (var lines = process.inputReader().lines()) {
            lines.forEach(line -> {
                System.out.println("[playwright] " + line);
                report.append(line).append('\n');
            });
        }
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the browser tests did not finish").isTrue();
        assertThat(process.exitValue()).as("the browser tests failed:\n" + report).isZero();
    }
}
