package no.kraft.cis.elhub.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The JWT grant Maskinporten expects: RS256, header with exactly one of {@code kid} and {@code x5c}; claims exactly
 * {@code iss} (client id), {@code aud} (issuer with trailing slash), {@code scope}, {@code iat}, {@code exp} (≤ 120 s
 * later) and a fresh {@code jti} — nothing else, since an undocumented claim makes Maskinporten refuse the assertion.
 */
public final class MaskinportenAssertion {

    private final MaskinportenProperties properties;
    private final SigningKey key;
    private final Clock clock;

    public MaskinportenAssertion(MaskinportenProperties properties, SigningKey key, Clock clock) {
        this.properties = properties;
        this.key = key;
        this.clock = clock;
    }

    /** A signed assertion, and when it was issued and expires. */
    public record Signed(String serialized, Instant issuedAt, Instant expiresAt, String jti) {
    }

    public Signed create() {
        Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant exp = now.plus(properties.assertionLifetime());
        String jti = UUID.randomUUID().toString();
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
        if (properties.usesKeyId()) {
            header.keyID(properties.keyId());
        } else {
            if (key.chain().isEmpty()) {
                throw new IllegalStateException("no kid configured and no certificate chain for x5c");
            }
            header.x509CertChain(key.chain().stream().map(MaskinportenAssertion::encode).toList());
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.clientId())
                .audience(properties.issuer())
                .claim("scope", String.join(" ", properties.scopes()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(exp))
                .jwtID(jti)
                .build();
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the Maskinporten assertion: " + e.getMessage());
        }
        return new Signed(jwt.serialize(), now, exp, jti);
    }

    private static Base64 encode(java.security.cert.X509Certificate certificate) {
        try {
            return Base64.encode(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> allowedClaims() {
        return List.of("iss", "aud", "scope", "iat", "exp", "jti", "resource", "consumer_org");
    }
}
