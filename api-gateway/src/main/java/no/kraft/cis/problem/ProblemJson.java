package no.kraft.cis.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem+json written where Spring MVC's ProblemAdvice cannot answer: in filters (rate limit, upload
 * size), in the security chain (401, 403) and in Tomcat's error valve. One place that turns a path into a safe
 * {@code instance} and leaves JSON escaping to Jackson.
 */
public final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    /** One violation of a refused request: the rule, its message, and extra members (such as the missing scope). */
    public static Map<String, Object> violation(String rule, String message, Map<String, ?> extra) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("rule", rule);
        v.putAll(extra);
        v.put("message", message);
        return v;
    }

    /** The problem document: type, title, status, detail, instance, then the extension members in their order. */
    public static String body(String type, int status, String title, String detail, String path, Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance(path));
        problem.putAll(extensions);
        return JSON.writeValueAsString(problem);
    }

    /** Writes the problem as the response; the caller has set any headers (Retry-After, WWW-Authenticate). */
    public static void write(HttpServletRequest request, HttpServletResponse response, String type, int status, String title,
            String detail, List<Map<String, Object>> violations, Map<String, Object> extensions) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>(extensions);
        if (!violations.isEmpty()) {
            members.put("violations", violations);
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(type, status, title, detail, request.getRequestURI(), members));
    }

    /** The path as a URI reference, whatever it held (percent-encoded where needed, never failing). */
    public static String instance(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c > 0x20 && c < 0x7f && "%\"\\<>`{}|^".indexOf(c) < 0) {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xff));
                }
            }
        }
        return out.toString();
    }
}
