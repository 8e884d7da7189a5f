package no.kraft.cis.consent.standin;

import java.time.Clock;
import no.kraft.cis.consent.ConsentProperties;
import no.kraft.cis.elhub.standin.MaskinportenStandIn;
import no.kraft.cis.elhub.standin.StandInServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elhub Access API and Signicat stand-ins, served on the stand-in port next to Maskinporten and the other Elhub
 * stand-ins ({@code /elhub/access/v0}, {@code /signicat/...}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cis.stand-ins.enabled", havingValue = "true")
class ConsentStandInConfiguration {

    @Bean
    ElhubAccessStandIn elhubAccessStandIn(MaskinportenStandIn maskinporten, Clock clock, StandInServer server) {
        ElhubAccessStandIn standIn = new ElhubAccessStandIn(clock, maskinporten::validToken);
        server.route(ElhubAccessStandIn.PATH, StandInHttp.serve(standIn::handle));
        return standIn;
    }

    @Bean
    SignicatStandIn signicatStandIn(ConsentProperties properties, Clock clock, StandInServer server) {
        SignicatStandIn standIn = new SignicatStandIn(clock, properties.signicat().clientId(), properties.signicat().clientSecret(),
                server.baseUrl() + CustomerPages.PATH);
        server.route(SignicatStandIn.TOKEN_PATH, StandInHttp.serve(standIn::token));
        server.route(SignicatStandIn.PATH, StandInHttp.serve(standIn::handle));
        return standIn;
    }

    /** The customer's side (sign, refuse, accept a request) as pages on the stand-in port, for a local demo. */
    @Bean
    CustomerPages standInCustomerPages(SignicatStandIn signicat, ElhubAccessStandIn elhub, StandInServer server,
            ConsentProperties properties, org.springframework.core.env.Environment environment) {
        // as Signicat does, a finished session is announced on our webhook (the application's own port, known once it runs)
        java.util.function.Consumer<String> announce = session -> {
            String port = environment.getProperty("local.server.port");
            if (port != null && properties.webhookSecret() != null) {
                signicat.sendWebhook("http://127.0.0.1:" + port + "/api/v1/signicat/webhook", properties.webhookSecret(),
                        "standin-" + java.util.UUID.randomUUID(), session);
            }
        };
        CustomerPages pages = new CustomerPages(signicat, elhub, announce);
        server.route(CustomerPages.PATH, StandInHttp.serve(pages::handle));
        return pages;
    }
}
