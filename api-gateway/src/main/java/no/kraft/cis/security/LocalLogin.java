package no.kraft.cis.security;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The local profile's staff login: Spring Authorization Server as an OpenID Connect provider, with a real login page,
 * one demo user per role ({@code customer-service}, {@code billing}, {@code admin}, password {@code local-secret}) and
 * one public client, the web UI ({@code web-ui}: authorization code with PKCE, no secret). It signs with the local
 * token issuer's key, and the access tokens it gives carry the same issuer and {@code roles} claim, so the API takes
 * them as any other. In production the company's identity provider (e.g. Entra ID) plays this part: see README
 * "Staff login".
 *
 * <p>The same server gives machines and partners their tokens: the confidential clients {@code customer-service},
 * {@code billing}, {@code admin} and {@code partner} (secret {@code local-secret}, Basic or form) take the
 * client-credentials grant at {@code POST /local/oauth2/token}, and their token carries the role named like the client.
 * A partner gets the partner-API scopes it asks for, or all six when it asks for none (RFC 6749 §3.3); a scope it does
 * not hold is refused ({@code invalid_scope}), as a real identity provider does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cis.security.local-issuer.enabled", havingValue = "true")
class LocalLogin {

    static final String WEB_UI_CLIENT = "web-ui";
    static final String TOKEN_ENDPOINT = "/local/oauth2/token";

    /** The authorization server's endpoints (authorize, token, JWKS, discovery, userinfo, logout). */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults())
                        // any failed client authentication, malformed Basic header included, is RFC 6749 §5.2's 401
                        .clientAuthentication(c -> c.errorResponseHandler(LocalLogin::invalidClient))
                        .tokenEndpoint(t -> t.accessTokenRequestConverters(converters -> converters.replaceAll(LocalLogin::allScopesByDefault))))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                // not signed in yet: the browser is sent to the login page and back
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * RFC 6749 §3.3: a client-credentials request without {@code scope} gets the client's registered scopes (the
     * server's own default is none).
     */
    private static org.springframework.security.web.authentication.AuthenticationConverter allScopesByDefault(
            org.springframework.security.web.authentication.AuthenticationConverter converter) {
        return request -> {
            var authentication = converter.convert(request);
            if (authentication instanceof org.springframework.security.oauth2.server.authorization.authentication
                    .OAuth2ClientCredentialsAuthenticationToken grant && grant.getScopes().isEmpty()
                    && grant.getPrincipal() instanceof org.springframework.security.oauth2.server.authorization.authentication
                    .OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null) {
                return new org.springframework.security.oauth2.server.authorization.authentication
                        .OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
                        grant.getAdditionalParameters());
            }
            return authentication;
        };
    }

    private static void invalidClient(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"kraft-cis\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"invalid_client\"}");
    }

    /** The login page and the form it posts (a session for the sign-in; the API itself stays stateless). */
    @Bean
    @Order(2)
    SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
        http.securityMatcher("/login", "/login/**", "/logout")
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    UserDetailsService localStaff(SecurityProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String password = encoder.encode(properties.localIssuer().clientSecret());
        return new InMemoryUserDetailsManager(List.of(Role.CUSTOMER_SERVICE, Role.BILLING, Role.ADMIN).stream()
                .map(role -> User.withUsername(role.claimValue()).password(password).roles(role.roleName()).build())
                .toList());
    }

    /**
     * The web UI as a public client, and one confidential machine client per role. The web UI's redirect URIs follow
     * the port the application runs on (tests use a free one), on 127.0.0.1 and localhost.
     */
    @Bean
    RegisteredClientRepository localClients(Environment environment, LocalTokenIssuer tokens, SecurityProperties properties) {
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient client) {
                // the local clients are fixed; the server only asks to keep a re-encoded secret, which a {noop} one
                // needs no more than it needs a cheap check
            }

            @Override
            public RegisteredClient findById(String id) {
                return findByClientId(id);
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                if (WEB_UI_CLIENT.equals(clientId)) {
                    return webUi();
                }
                return Role.ofClaim(clientId).map(this::machine).orElse(null);
            }

            /** A machine or partner: client credentials, the one local secret, the role's scopes (partners only). */
            private RegisteredClient machine(Role role) {
                RegisteredClient.Builder client = RegisteredClient.withId(role.claimValue()).clientId(role.claimValue())
                        .clientSecret("{noop}" + properties.localIssuer().clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofSeconds(tokens.tokenSeconds())).build());
                if (role == Role.PARTNER) {
                    PartnerScope.all().forEach(client::scope);
                }
                return client.build();
            }

            private RegisteredClient webUi() {
                String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
                RegisteredClient.Builder client = RegisteredClient.withId(WEB_UI_CLIENT).clientId(WEB_UI_CLIENT)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofSeconds(tokens.tokenSeconds())).build());
                // the application's own port, and Vite's dev server (npm run dev) in front of it
                for (String host : List.of("127.0.0.1", "localhost")) {
                    for (String p : List.of(port, "5173")) {
                        client.redirectUri("http://" + host + ":" + p + "/auth/callback")
                                .postLogoutRedirectUri("http://" + host + ":" + p + "/");
                    }
                }
                return client.build();
            }
        };
    }

    @Bean
    OAuth2AuthorizationService localAuthorizations() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        // no fixed issuer: it is this server's own address, whatever port it runs on; the token endpoint keeps the
        // address machines and partners have always used
        return AuthorizationServerSettings.builder().tokenEndpoint(TOKEN_ENDPOINT).build();
    }

    @Bean
    com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> localJwkSource(LocalTokenIssuer tokens) {
        return tokens.jwkSource();
    }

    /**
     * Access tokens as the API expects them: the local issuer, the role in {@code roles} (the signed-in user's, or for a
     * machine the client's), and {@code scope} as one space-separated string (RFC 9068).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> localTokens(LocalTokenIssuer tokens) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                String clientId = context.getRegisteredClient().getClientId();
                context.getClaims().issuer(tokens.issuer()).subject(clientId).claim("client_id", clientId)
                        .claim("roles", Role.ofClaim(clientId).map(Role::claimValue).stream().toList())
                        .claim("scope", String.join(" ", PartnerScope.all().stream().filter(context.getAuthorizedScopes()::contains).toList()))
                        .id(UUID.randomUUID().toString());
            } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                List<String> roles = context.getPrincipal().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                        .flatMap(name -> java.util.Arrays.stream(Role.values()).filter(r -> r.roleName().equals(name)))
                        .map(Role::claimValue).toList();
                context.getClaims().issuer(tokens.issuer()).claim("roles", roles).claim("scope", "")
                        .id(UUID.randomUUID().toString());
            }
            if ("id_token".equals(context.getTokenType().getValue())) {
                context.getClaims().claim("preferred_username", context.getPrincipal().getName());
            }
        };
    }
}
