package no.kraft.cis.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The local issuer's key and identity for development and tests ({@code cis.security.local-issuer.enabled=true}): the
 * only issuer the API then trusts. Spring Authorization Server ({@link LocalLogin}) signs with this key, for the staff
 * login and for the machine clients at {@code POST /local/oauth2/token}; tests sign their own tokens here. The key is
 * made at start-up, so tokens do not survive a restart. Production uses a real issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}).
 */
@Component
@ConditionalOnProperty(name = "cis.security.local-issuer.enabled", havingValue = "true")
public class LocalTokenIssuer {

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final SecurityProperties.LocalIssuer settings;
    private final Clock clock;

    /** Tokens live in real time even when a test fixes the domain clock, because the validator checks them against it. */
    LocalTokenIssuer(SecurityProperties properties) {
        this.settings = properties.localIssuer();
        this.clock = Clock.systemUTC();
        KeyPair pair = rsaKeyPair();
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    /** A token for any subject and role; for tests that need a named staff member. A partner gets every partner scope. */
    public IssuedToken issue(String subject, Role role) {
        return issue(subject, role, role == Role.PARTNER ? PartnerScope.all() : List.of());
    }

    /** A token for any subject and role with the given scopes (the {@code scope} claim, space separated as in RFC 9068). */
    public IssuedToken issue(String subject, Role role, List<String> scopes) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(settings.tokenSeconds()))
                .id(UUID.randomUUID().toString())
                .claim("client_id", subject)
                .claim("roles", List.of(role.claimValue()))
                .claim("scope", String.join(" ", scopes))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, settings.tokenSeconds(), role.claimValue(), String.join(" ", scopes));
    }

    /** What the token endpoint answers (RFC 6749 §5.1). */
    public record IssuedToken(String accessToken, long expiresIn, String role, String scope) {
    }

    /** The signing key, shared with the local login (Spring Authorization Server), so the API trusts both kinds of token. */
    com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> jwkSource() {
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    String issuer() {
        return settings.issuer();
    }

    long tokenSeconds() {
        return settings.tokenSeconds();
    }

    @Bean
    JwtDecoder localJwtDecoder() throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
        return decoder;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
