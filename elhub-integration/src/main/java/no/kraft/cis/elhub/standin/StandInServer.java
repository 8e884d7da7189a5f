package no.kraft.cis.elhub.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves the stand-ins over real HTTP on one local port, so the clients speak to them exactly as to Maskinporten and
 * Elhub: {@code /maskinporten/token}, {@code /elhub/market-data/v1/contracts…} and {@code /elhub/emif/Query}. One
 * virtual thread per request, so a deliberately late answer holds up nothing else.
 */
public final class StandInServer implements AutoCloseable {

    public static final String TOKEN_PATH = "/maskinporten/token";
    public static final String CONTRACTS_PATH = "/elhub/market-data/v1";
    public static final String EMIF_PATH = "/elhub/emif/Query";

    private final HttpServer server;

    public StandInServer(int port, MaskinportenStandIn maskinporten, ContractsStandIn contracts, EmifStandIn emif) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(TOKEN_PATH, exchange -> {
            MaskinportenStandIn.Answer answer = maskinporten.token(body(exchange));
            send(exchange, answer.status(), "application/json", answer.json(), null);
        });
        server.createContext(CONTRACTS_PATH, exchange -> {
            ContractsStandIn.Answer answer = contracts.handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers(exchange), body(exchange));
            if (answer.delay() != null) {
                try {
                    Thread.sleep(answer.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            send(exchange, answer.status(), "application/vnd.api+json", answer.json(), answer.retryAfter());
        });
        server.createContext(EMIF_PATH, exchange -> {
            EmifStandIn.Answer answer = emif.query(exchange.getRequestHeaders().getFirst("SOAPAction"), body(exchange));
            send(exchange, answer.status(), "text/xml; charset=utf-8", answer.xml(), null);
        });
        server.start();
    }

    /** A SOAP service under {@code path}: the handler gets the SOAPAction and body and gives the status and envelope. */
    public void soap(String path, java.util.function.BiFunction<String, String, java.util.Map.Entry<Integer, String>> handler) {
        server.createContext(path, exchange -> {
            var answer = handler.apply(exchange.getRequestHeaders().getFirst("SOAPAction"), body(exchange));
            send(exchange, answer.getKey(), "text/xml; charset=utf-8", answer.getValue(), null);
        });
    }

    /** Serves another stand-in under {@code path} on the same port (the consent module's Elhub Access API and Signicat). */
    public void route(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
        return headers;
    }

    private static void send(HttpExchange exchange, int status, String type, String body, Integer retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
