package no.kraft.cis.elhub.standin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Maskinporten's token endpoint (there is no public sandbox) that checks what Digdir checks: only
 * {@code grant_type} and {@code assertion} in the form; RS256/384/512; exactly one of {@code kid} and {@code x5c};
 * the signature against the client's registered key (or the first certificate of {@code x5c} with that key); {@code aud}
 * = the issuer; a known {@code iss}; {@code |iat − now| ≤ 10 s}; {@code 0 < exp − iat ≤ 120 s}; {@code exp} not passed;
 * {@code jti} never seen; granted scopes; no undocumented claims. Answers with Digdir-shaped JSON and {@code MP-xxx} texts
 * (the codes here are the stand-in's own). Used by the tests and the local profile.
 */
public final class MaskinportenStandIn {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final Set<String> CLAIMS = Set.of("iss", "aud", "scope", "iat", "exp", "jti", "resource", "consumer_org");

    /** A client as registered at Digdir: its key and the scopes it was granted. */
    public record Client(String clientId, String keyId, RSAPublicKey key, Set<String> scopes) {
    }

    /** An HTTP answer. */
    public record Answer(int status, String json) {
    }

    private final String issuer;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Set<String> seenJti = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private final Map<String, java.time.Instant> tokens = new ConcurrentHashMap<>();
    private volatile int failNext;

    public MaskinportenStandIn(String issuer, Clock clock, Duration tokenLifetime) {
        this.issuer = issuer;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    public void register(Client client) {
        clients.put(client.clientId(), client);
    }

    /** Whether {@code token} is one this stand-in issued and it has not expired — what the Elhub stand-ins ask. */
    public boolean validToken(String token) {
        java.time.Instant expires = token == null ? null : tokens.get(token);
        return expires != null && clock.instant().isBefore(expires);
    }

    /** Tokens issued so far. */
    public int issued() {
        return issued.get();
    }

    /** Fault injection: the next {@code n} requests get 503. */
    public void failNext(int n) {
        failNext = n;
    }

    public Answer token(String form) {
        if (failNext > 0) {
            failNext--;
            return new Answer(503, "{\"error\":\"temporarily_unavailable\",\"error_description\":\"MP-503 try again later\"}");
        }
        Map<String, String> fields = parse(form);
        if (!fields.keySet().equals(Set.of("grant_type", "assertion"))) {
            return error("invalid_request", "MP-100 the form must hold exactly grant_type and assertion, got " + fields.keySet());
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))) {
            return error("unsupported_grant_type", "MP-101 grant_type must be urn:ietf:params:oauth:grant-type:jwt-bearer");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(fields.get("assertion"));
            if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
                return error("invalid_grant", "MP-110 algorithm " + jwt.getHeader().getAlgorithm() + " not allowed");
            }
            boolean hasKid = jwt.getHeader().getKeyID() != null;
            List<Base64> x5c = jwt.getHeader().getX509CertChain();
            boolean hasX5c = x5c != null && !x5c.isEmpty();
            if (hasKid == hasX5c) {
                return error("invalid_grant", "MP-111 the header must have exactly one of kid and x5c");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Client client = clients.get(claims.getIssuer());
            if (client == null) {
                return error("invalid_client", "MP-112 unknown client " + claims.getIssuer());
            }
            RSAPublicKey key = client.key();
            if (hasKid && !hasKidMatching(client, jwt.getHeader().getKeyID())) {
                return error("invalid_grant", "MP-113 key " + jwt.getHeader().getKeyID() + " is not registered on the client");
            }
            if (hasX5c) {
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(x5c.getFirst().decode()));
                if (!certificate.getPublicKey().equals(client.key())) {
                    return error("invalid_grant", "MP-114 the certificate is not the client's");
                }
            }
            if (!jwt.verify(new RSASSAVerifier(key))) {
                return error("invalid_grant", "MP-115 invalid signature");
            }
            for (String name : claims.getClaims().keySet()) {
                if (!CLAIMS.contains(name)) {
                    return error("invalid_grant", "MP-116 undocumented claim " + name);
                }
            }
            if (claims.getAudience().size() != 1 || !issuer.equals(claims.getAudience().getFirst())) {
                return error("invalid_grant", "MP-117 aud must be " + issuer);
            }
            Instant now = Instant.now(clock);
            if (claims.getIssueTime() == null || claims.getExpirationTime() == null) {
                return error("invalid_grant", "MP-118 iat and exp are required");
            }
            Instant iat = claims.getIssueTime().toInstant();
            Instant exp = claims.getExpirationTime().toInstant();
            if (Duration.between(iat, now).abs().compareTo(Duration.ofSeconds(10)) > 0) {
                return error("invalid_grant", "MP-119 iat is more than 10 s from now (clock skew)");
            }
            long lifetime = Duration.between(iat, exp).toSeconds();
            if (lifetime <= 0 || lifetime > 120 || !exp.isAfter(now)) {
                return error("invalid_grant", "MP-120 exp must be after now and at most 120 s after iat");
            }
            String jti = claims.getJWTID();
            if (jti == null || !seenJti.add(jti)) {
                return error("invalid_grant", "MP-121 jti missing or already used");
            }
            String scope = claims.getStringClaim("scope");
            if (scope == null || scope.isBlank() || !client.scopes().containsAll(List.of(scope.split(" ")))) {
                return error("invalid_scope", "MP-122 scope " + scope + " is not granted to the client");
            }
            issued.incrementAndGet();
            String token = "standin-" + UUID.randomUUID();
            tokens.put(token, clock.instant().plus(tokenLifetime));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token);
            body.put("token_type", "Bearer");
            body.put("expires_in", tokenLifetime.toSeconds());
            body.put("scope", scope);
            return new Answer(200, json(body));
        } catch (Exception e) {
            return error("invalid_grant", "MP-199 unreadable assertion");
        }
    }

    private static boolean hasKidMatching(Client client, String kid) {
        return client.keyId() != null && client.keyId().equals(kid);
    }

    private static Answer error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return new Answer(400, json(body));
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String json(Map<String, Object> body) {
        StringBuilder out = new StringBuilder("{");
        body.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(k).append("\":");
            if (v instanceof Number) {
                out.append(v);
            } else {
                out.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return out.append('}').toString();
    }
}
