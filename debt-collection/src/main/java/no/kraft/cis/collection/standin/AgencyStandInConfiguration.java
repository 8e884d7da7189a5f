package no.kraft.cis.collection.standin;

import no.kraft.cis.collection.AgencyClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With the stand-ins (the local profile and the tests): the agency's stand-in on {@code cis.stand-ins.agency-port}
 * (0: any free port) and our client pointed at it over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cis.stand-ins.enabled", havingValue = "true")
public class AgencyStandInConfiguration {

    static final String API_KEY = "local-agency-key";

    @Bean(destroyMethod = "close")
    AgencyStandIn agencyStandIn(@Value("${cis.stand-ins.agency-port:0}") int port) throws java.io.IOException {
        return new AgencyStandIn(port, API_KEY);
    }

    @Bean
    AgencyClient standInAgencyClient(AgencyStandIn standIn) {
        return new AgencyClient(standIn.baseUrl(), API_KEY, java.time.Duration.ofSeconds(10));
    }
}
