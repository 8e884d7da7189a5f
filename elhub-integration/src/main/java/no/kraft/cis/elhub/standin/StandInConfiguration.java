package no.kraft.cis.elhub.standin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import no.kraft.cis.elhub.maskinporten.MaskinportenProperties;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stand-ins for Maskinporten and Elhub on a local port ({@code cis.stand-ins.port}), for the local profile and the
 * tests ({@code cis.stand-ins.enabled}). Our client is registered with the Maskinporten stand-in under its configured
 * id, key id and scopes; the Elhub stand-ins accept only tokens that stand-in issued and EMIF messages signed with our
 * key. The EMIF world holds a few metering points to look up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cis.stand-ins.enabled", havingValue = "true")
class StandInConfiguration {

    /** End user of the EMIF world's sample points (a synthetic national ID with valid check digits). */
    static final String SAMPLE_END_USER = "01018010018";

    @Bean
    MaskinportenStandIn maskinportenStandIn(MaskinportenProperties properties, SigningKey key, Clock clock) {
        MaskinportenStandIn standIn = new MaskinportenStandIn(properties.issuer(), clock, Duration.ofSeconds(120));
        standIn.register(new MaskinportenStandIn.Client(properties.clientId(), properties.keyId(), key.publicKey(), Set.copyOf(properties.scopes())));
        return standIn;
    }

    @Bean
    ContractsStandIn contractsStandIn(MaskinportenStandIn maskinporten, Clock clock) {
        ContractsStandIn standIn = new ContractsStandIn("filter[meteringPoint.id]", 50, clock);
        standIn.checkTokensWith(maskinporten::validToken);
        return standIn;
    }

    @Bean
    EmifStandIn emifStandIn(SigningKey key) {
        EmifStandIn standIn = new EmifStandIn(key.publicKey());
        no.kraft.cis.elhub.emif.EmifSchemas.beside().ifPresent(standIn::validateWith);
        LocalDate lastReading = LocalDate.of(2026, 1, 1);
        standIn.add(new EmifStandIn.Point("707057500000000018", SAMPLE_END_USER, "Storgata", "1", "0155", "OSLO", "M-1001",
                "7080005051965", "50Y0000000000001", lastReading, null));
        standIn.add(new EmifStandIn.Point("707057500000000025", SAMPLE_END_USER, "Storgata", "1B", "0155", "OSLO", "M-1002",
                "7080005051965", "50Y0000000000001", lastReading, null));
        standIn.add(new EmifStandIn.Point("707057500000000032", "923609016", "Fjellveien", "12", "5019", "BERGEN", "M-2001",
                "7080010002433", "50Y0000000000005", null, LocalDate.of(2025, 6, 1)));
        return standIn;
    }

    /** Elhub's poll queues; with Elhub's XSDs when they are on this machine (../shared/samples/elhub/bim-2.3). */
    @Bean
    EmifPollStandIn emifPollStandIn(SigningKey key, Clock clock, @Value("${cis.elhub.contracts.sender-gln:7080000923168}") String ourGln,
            @Value("${cis.stand-ins.elhub.poll-batch-size:20}") int batchSize) {
        return new EmifPollStandIn(key.publicKey(), ourGln, clock, no.kraft.cis.elhub.emif.EmifSchemas.beside().orElse(null), batchSize);
    }

    @Bean
    EmifMarketStandIn emifMarketStandIn(SigningKey key, Clock clock, @Value("${cis.elhub.contracts.sender-gln:7080000923168}") String ourGln,
            EmifPollStandIn polls) {
        return new EmifMarketStandIn(key.publicKey(), ourGln, clock, no.kraft.cis.elhub.emif.EmifSchemas.beside().orElse(null), polls);
    }

    @Bean(destroyMethod = "close")
    StandInServer standInServer(@Value("${cis.stand-ins.port:18091}") int port, MaskinportenStandIn maskinporten, ContractsStandIn contracts,
            EmifStandIn emif, EmifPollStandIn polls, EmifMarketStandIn market) throws IOException {
        StandInServer server = new StandInServer(port, maskinporten, contracts, emif);
        server.soap("/elhub/emif/MarketProcesses", (action, body) -> {
            EmifPollStandIn.Answer answer = market.handle(action, body);
            return java.util.Map.entry(answer.status(), answer.xml());
        });
        for (no.kraft.cis.elhub.inbound.PollQueue queue : no.kraft.cis.elhub.inbound.PollQueue.values()) {
            server.soap("/elhub/emif/" + queue.service(), (action, body) -> {
                EmifPollStandIn.Answer answer = polls.handle(queue, action, body);
                return java.util.Map.entry(answer.status(), answer.xml());
            });
        }
        // for demos: the cancellation deadline of every confirmed start of supply passes (Elhub notifies them)
        // curl -X POST http://127.0.0.1:18091/standin/elhub/cancellation-deadlines
        server.route("/standin/elhub/cancellation-deadlines", exchange -> {
            byte[] bytes = ("{\"notified\":" + market.passCancellationDeadlines() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        // for demos and tests: make Elhub hold meter values for a metering point, e.g.
        // curl -d '{"meteringPointId":"707057500000000018","from":"2026-11-01","to":"2026-12-01","resolutionMinutes":60,"wh":1250}' \
        //      http://127.0.0.1:18091/standin/elhub/meter-values
        server.route("/standin/elhub/meter-values", exchange -> {
            int status = 202;
            String answer = "{\"queued\":true}";
            try {
                var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(exchange.getRequestBody());
                polls.produceMeterValues(json.get("meteringPointId").asString(), java.time.LocalDate.parse(json.get("from").asString()),
                        java.time.LocalDate.parse(json.get("to").asString()), json.path("resolutionMinutes").asInt(60),
                        json.path("wh").asInt(1000));
            } catch (RuntimeException e) {
                status = 400;
                answer = "{\"error\":\"meteringPointId, from, to (dates), resolutionMinutes (15 or 60), wh\"}";
            }
            byte[] bytes = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        return server;
    }
}
