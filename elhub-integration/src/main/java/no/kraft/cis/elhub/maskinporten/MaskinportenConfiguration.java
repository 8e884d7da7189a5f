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

    /**
     * The enterprise key (virksomhetssertifikat) that signs Maskinporten assertions and EMIF messages: from the PKCS#12
     * keystore, or — with {@code keystore.path: generated}, for the stand-ins only — a throw-away key.
     */
    @Bean
    SigningKey enterpriseKey(MaskinportenProperties properties) {
        if (properties.keystore() == null || properties.keystore().path() == null) {
            throw new IllegalStateException("cis.maskinporten.keystore.path is required with cis.maskinporten.client-id");
        }
        return "generated".equals(properties.keystore().path()) ? SigningKey.generated() : SigningKey.fromKeystore(properties.keystore());
    }

    @Bean
    MaskinportenTokens maskinportenTokens(MaskinportenProperties properties, SigningKey key, Clock clock) {
        return new MaskinportenTokens(properties, new MaskinportenAssertion(properties, key, clock), clock);
    }
}
