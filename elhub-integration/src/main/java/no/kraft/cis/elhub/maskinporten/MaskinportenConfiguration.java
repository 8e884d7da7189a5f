package no.kraft.cis.elhub.maskinporten;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Maskinporten client, when a client id is configured ({@code cis.maskinporten.client-id}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaskinportenProperties.class)
@ConditionalOnProperty(name = "cis.maskinporten.client-id")
class MaskinportenConfiguration {

    @Bean
    MaskinportenTokens maskinportenTokens(MaskinportenProperties properties, Clock clock) {
        if (properties.keystore() == null || properties.keystore().path() == null) {
            throw new IllegalStateException("cis.maskinporten.keystore.path is required with cis.maskinporten.client-id");
        }
        SigningKey key = SigningKey.fromKeystore(properties.keystore());
        return new MaskinportenTokens(properties, new MaskinportenAssertion(properties, key, clock), clock);
    }
}
