package no.kraft.cis.webui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cis.web-ui.*}: how the staff web UI signs in (OpenID Connect, authorization code + PKCE).
 *
 * @param oidc {@code authority} the issuer (empty = this application's own, the local profile's login);
 *             {@code clientId} the UI's public client; {@code scope} what it asks for (with Entra ID also the API's scope)
 */
@ConfigurationProperties("cis.web-ui")
public record WebUiProperties(@DefaultValue Oidc oidc) {

    public record Oidc(@DefaultValue("") String authority, @DefaultValue("web-ui") String clientId,
            @DefaultValue("openid profile") String scope) {
    }
}
