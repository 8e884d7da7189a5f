package no.kraft.cis.elhub.maskinporten;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.client.RestClientException;

/**
 * Access tokens from Maskinporten with the JWT grant, on Spring Security's {@link JwtBearerOAuth2AuthorizedClientProvider}
 * with our own assertion ({@link MaskinportenAssertion}). The form carries only {@code grant_type} and
 * {@code assertion}. A token is reused until {@code refreshBefore} ahead of its {@code expires_in}; callers that find it
 * expiring at the same moment share one refresh. Neither assertions nor tokens are logged.
 */
public class MaskinportenTokens {

    private static final Logger LOG = LoggerFactory.getLogger(MaskinportenTokens.class);
    /** The JWT grant acts for the system, not a user. */
    private static final org.springframework.security.core.Authentication SYSTEM =
            new org.springframework.security.authentication.AnonymousAuthenticationToken("kraft-cis", "kraft-cis",
                    org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_SYSTEM"));

    private final ClientRegistration registration;
    private final JwtBearerOAuth2AuthorizedClientProvider provider;
    private final Clock clock;
    private final java.time.Duration refreshBefore;
    private final ReentrantLock refresh = new ReentrantLock();
    private volatile Held current;

    /**
     * A token and when it expires on our clock: {@code expires_in} counted from when we received it (Spring stamps the
     * token with the system time, which is not the injected clock).
     */
    private record Held(OAuth2AuthorizedClient client, Instant expiresAt) {
    }

    public MaskinportenTokens(MaskinportenProperties properties, MaskinportenAssertion assertion, Clock clock) {
        this.clock = clock;
        this.refreshBefore = properties.refreshBefore();
        this.registration = ClientRegistration.withRegistrationId("maskinporten")
                .authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .clientId(properties.clientId())
                .tokenUri(properties.tokenUri())
                .scope(properties.scopes())
                .build();
        // Spring's own RestClient for the token endpoint: it knows the OAuth2 token-response and error formats
        RestClientJwtBearerTokenResponseClient tokenClient = new RestClientJwtBearerTokenResponseClient();
        // Maskinporten documents exactly two form fields; Spring would add client_id and scope
        tokenClient.setParametersCustomizer(parameters -> parameters.keySet().retainAll(java.util.Set.of("grant_type", "assertion")));
        this.provider = new JwtBearerOAuth2AuthorizedClientProvider();
        this.provider.setAccessTokenResponseClient(tokenClient);
        this.provider.setClock(clock);
        this.provider.setClockSkew(properties.refreshBefore());
        this.provider.setJwtAssertionResolver(context -> {
            MaskinportenAssertion.Signed signed = assertion.create();
            return Jwt.withTokenValue(signed.serialized()).header("alg", "RS256").issuedAt(signed.issuedAt())
                    .expiresAt(signed.expiresAt()).claims(c -> c.putAll(Map.of("jti", signed.jti()))).build();
        });
    }

    /**
     * A valid access token.
     *
     * @throws MaskinportenException classified as configuration or retryable
     */
    public String accessToken() {
        Held held = current;
        if (fresh(held)) {
            return held.client().getAccessToken().getTokenValue();
        }
        refresh.lock();
        try {
            held = current;
            if (fresh(held)) {
                return held.client().getAccessToken().getTokenValue();   // another caller refreshed meanwhile
            }
            Instant received = Instant.now(clock);
            // always a fresh grant: when to refresh is decided here, on the injected clock
            OAuth2AuthorizedClient authorized = provider.authorize(
                    OAuth2AuthorizationContext.withClientRegistration(registration).principal(SYSTEM).build());
            var token = authorized.getAccessToken();
            java.time.Duration lifetime = token.getIssuedAt() == null || token.getExpiresAt() == null ? java.time.Duration.ofSeconds(60)
                    : java.time.Duration.between(token.getIssuedAt(), token.getExpiresAt());
            current = new Held(authorized, received.plus(lifetime));
            LOG.info("Maskinporten token obtained, valid for {} s", lifetime.toSeconds());
            return token.getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            String error = e.getError().getErrorCode();
            String description = e.getError().getDescription();
            MaskinportenException.Kind kind = MaskinportenException.classify(error, description);
            LOG.warn("Maskinporten refused the token request: {} {} ({})", error, description, kind);
            throw new MaskinportenException(kind, error, "Maskinporten: " + error + (description == null ? "" : " — " + description));
        } catch (RestClientException e) {
            LOG.warn("Maskinporten unreachable: {}", e.getClass().getSimpleName());
            throw new MaskinportenException(MaskinportenException.Kind.RETRYABLE, "unavailable", "Maskinporten is unreachable");
        } finally {
            refresh.unlock();
        }
    }

    private boolean fresh(Held held) {
        return held != null && Instant.now(clock).isBefore(held.expiresAt().minus(refreshBefore));
    }
}
