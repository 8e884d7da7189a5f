package no.kraft.cis.consent.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The HTTP side of a stand-in: a request as method, path, headers and bytes; an answer as status, type and bytes. */
final class StandInHttp {

    private StandInHttp() {
    }

    record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String bearer() {
            String authorization = header("Authorization");
            return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        }
    }

    record Answer(int status, String type, byte[] body, Map<String, String> headers) {

        Answer(int status, String type, byte[] body) {
            this(status, type, body, Map.of());
        }

        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Answer empty(int status) {
            return new Answer(status, null, new byte[0]);
        }
    }

    interface Handler {
        Answer handle(Request request);
    }

    static HttpHandler serve(Handler handler) {
        return exchange -> {
            Answer answer;
            try {
                answer = handler.handle(request(exchange));
            } catch (RuntimeException e) {
                answer = Answer.json(500, "{\"title\":\"stand-in failure\",\"detail\":\"" + e.getClass().getSimpleName() + "\"}");
            }
            if (answer.type() != null) {
                exchange.getResponseHeaders().add("Content-Type", answer.type());
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
            exchange.close();
        };
    }

    private static Request request(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                headers, exchange.getRequestBody().readAllBytes());
    }
}
