package no.kraft.cis.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import no.kraft.cis.e2e.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The web UI's API types ({@code web-ui/src/api/schema.d.ts}) are generated from this application's OpenAPI document
 * with openapi-typescript; this test generates them again and fails when the committed file differs — the API
 * changed and the UI's types are stale. To refresh them:
 * {@code ./mvnw -pl api-gateway verify -Dtest=WebUiApiTypesTest -Dweb-ui.write-api-types=true}.
 */
class WebUiApiTypesTest extends ApiTest {

    static final Path WEB_UI = Path.of("..", "web-ui");
    static final Path COMMITTED = WEB_UI.resolve("src/api/schema.d.ts");

    @Test
    void theWebUisTypesAreGeneratedFromTheCurrentOpenApiDocument() throws Exception {
        Path target = Path.of("target", "web-ui-types");
        Files.createDirectories(target);
        Path document = target.resolve("openapi.json").toAbsolutePath();
        Path generated = target.resolve("schema.d.ts").toAbsolutePath();
        String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Files.writeString(document, json);
        run("npx", "--no-install", "openapi-typescript", document.toString(), "-o", generated.toString());
        String fresh = Files.readString(generated);
        if (Boolean.getBoolean("web-ui.write-api-types")) {
            Files.writeString(COMMITTED, fresh);
        }
        assertThat(Files.exists(COMMITTED)).as("the web UI's generated types are missing: " + COMMITTED).isTrue();
        assertThat(Files.readString(COMMITTED))
                .as("web-ui/src/api/schema.d.ts is stale: the API changed. Regenerate it with "
                        + "./mvnw -pl api-gateway verify -Dtest=WebUiApiTypesTest -Dweb-ui.write-api-types=true")
                .isEqualTo(fresh);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WEB_UI.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("openapi-typescript did not finish").isTrue();
        assertThat(process.exitValue()).as("openapi-typescript failed: " + output).isZero();
    }
}
