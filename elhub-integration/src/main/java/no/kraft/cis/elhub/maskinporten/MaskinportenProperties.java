package no.kraft.cis.elhub.maskinporten;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Maskinporten client settings ({@code cis.maskinporten.*}). Environments differ only here: test
 * ({@code https://test.maskinporten.no/}) and production ({@code https://maskinporten.no/}).
 *
 * @param issuer the assertion's {@code aud}: Maskinporten's issuer with trailing slash
 * @param tokenUri where the assertion is posted
 * @param clientId the assertion's {@code iss}
 * @param scopes space-separated in the assertion's {@code scope}
 * @param keyId the {@code kid} of a key registered on the client; when empty the certificate chain goes in {@code x5c}
 * @param keystore PKCS#12 keystore with the private key (and the enterprise certificate chain for {@code x5c})
 * @param refreshBefore how long before {@code expires_in} a cached token is replaced (20–60 s)
 * @param assertionLifetime {@code exp − iat} of the assertion (at most 120 s)
 */
@ConfigurationProperties("cis.maskinporten")
public record MaskinportenProperties(String issuer, String tokenUri, String clientId, List<String> scopes, String keyId,
        Keystore keystore, Duration refreshBefore, Duration assertionLifetime) {

    /** A PKCS#12 keystore entry. */
    public record Keystore(String path, String password, String alias) {
    }

    public MaskinportenProperties {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        refreshBefore = refreshBefore == null ? Duration.ofSeconds(30) : refreshBefore;
        assertionLifetime = assertionLifetime == null ? Duration.ofSeconds(100) : assertionLifetime;
        if (refreshBefore.compareTo(Duration.ofSeconds(20)) < 0 || refreshBefore.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("cis.maskinporten.refresh-before must be 20–60 s");
        }
        if (assertionLifetime.isNegative() || assertionLifetime.isZero() || assertionLifetime.compareTo(Duration.ofSeconds(120)) > 0) {
            throw new IllegalArgumentException("cis.maskinporten.assertion-lifetime must be 1–120 s");
        }
    }

    /** Whether the assertion names a registered key ({@code kid}) rather than carrying the certificate chain. */
    public boolean usesKeyId() {
        return keyId != null && !keyId.isBlank();
    }
}
