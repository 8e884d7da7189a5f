package no.kraft.cis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void whateverTheTextHoldsTheDocumentIsValidJsonThatSaysItBack() {
        String detail = "quote \" backslash \\ NUL \u0000 newline \n override \u202E ø";
        JsonNode problem = JSON.readTree(ProblemJson.body("about:blank", 403, "Forbidden", detail, "/api/v1/x",
                Map.of("violations", List.of(ProblemJson.violation("scope.missing", detail, Map.of("scope", "orders:write"))))));
        assertThat(problem.path("detail").asString()).isEqualTo(detail);
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.at("/violations/0/rule").asString()).isEqualTo("scope.missing");
        assertThat(problem.at("/violations/0/scope").asString()).isEqualTo("orders:write");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/x");
    }

    @Test
    void theInstanceIsAPathReferenceWithEverythingElsePercentEncodedAsUtf8() {
        assertThat(ProblemJson.instance("/a b/\"x\"/%00")).isEqualTo("/a%20b/%22x%22/%2500");
        // ø is C3 B8 in UTF-8, U+202E is E2 80 AE
        assertThat(ProblemJson.instance("/kunde/ø\u202E")).isEqualTo("/kunde/%C3%B8%E2%80%AE");
        assertThat(ProblemJson.instance(null)).isEqualTo("/");
        assertThat(ProblemJson.instance("")).isEqualTo("/");
    }
}
