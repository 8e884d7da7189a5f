package no.kraft.cis.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cis.security.*}.
 *
 * @param rolesClaim the JWT claim with the caller's role names
 * @param localIssuer the development token issuer (never enable in production)
 */
@ConfigurationProperties("cis.security")
public record SecurityProperties(@DefaultValue("roles") String rolesClaim, @DefaultValue LocalIssuer localIssuer) {

    /**
     * @param enabled serve {@code POST /local/oauth2/token} and trust its tokens
     * @param clientSecret the one secret of the local clients (named after the roles)
     * @param issuer the {@code iss} of local tokens
     */
    public record LocalIssuer(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("local-secret") String clientSecret,
            @DefaultValue("urn:kraft-cis:local-issuer") String issuer,
            @DefaultValue("3600") long tokenSeconds) {
    }
}
