package no.kraft.cis.security;

import static no.kraft.cis.security.Role.ADMIN;
import static no.kraft.cis.security.Role.BILLING;
import static no.kraft.cis.security.Role.CUSTOMER_SERVICE;
import static no.kraft.cis.security.Role.PARTNER;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.kraft.cis.problem.ProblemJson;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.audit.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is an OAuth2 resource server: every call carries a JWT whose roles decide what it may do. The rules are all
 * here, in one table, so "who can do what" is read in one place (and in README).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] STAFF = names(CUSTOMER_SERVICE, ADMIN);

    /** The same policy on every answer: the API, the web UI and the local login page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    private static final String[] BILLING_DATA_READERS = names(CUSTOMER_SERVICE, BILLING, ADMIN);
    private static final String ACCOUNT = "/api/v1/partner/accounts/*";

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, PartnerProperties partner, JdbcClient jdbc,
            AuditStamp audit) throws Exception {
        // the request rules, once built: a 403 asks them which roles may (rolesAllowed)
        java.util.concurrent.atomic.AtomicReference<AuthorizationManager<jakarta.servlet.http.HttpServletRequest>> requestRules =
                new java.util.concurrent.atomic.AtomicReference<>();
        // every partner call, and every call to the partner API: rate limit (partners) and audit, before authorisation
        http.addFilterBefore(new PartnerCallGate(partner.rateLimits(System::nanoTime), jdbc, audit), AuthorizationFilter.class);
        // same-origin only: the staff web UI is served by this application, partners call server to server, so no CORS
        // configuration is needed (browsers refuse cross-origin calls by default). Spring Security's defaults add
        // X-Content-Type-Options, X-Frame-Options, no-cache and, behind TLS, HSTS; the policy and referrer are ours
        http.headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                .ReferrerPolicy.NO_REFERRER)));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**",
                                "/actuator/info", "/error").permitAll()
                        // the staff web UI's files and screens (its data comes from the API, with the signed-in user's token)
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.svg", "/web-ui/config",
                                "/customers/**", "/metering-points/**", "/invoices/**", "/billing-runs/**", "/elhub/**", "/payments/**",
                                "/receivables/**", "/cases/**", "/rme-reports/**", "/invoice-deliveries/**", "/print-batches/**", "/admin/**", "/contract-orders/**", "/auth/callback", "/t/*", "/i/*").permitAll()
                        // Signicat's webhook carries no token: it is authenticated by the shared secret and only a hint
                        .requestMatchers(HttpMethod.POST, "/api/v1/signicat/webhook", "/api/v1/sms/delivery-reports").permitAll()
                        // orders come from the web shop, sales partners and customer service; documents and the consent
                        // trail hold personal data: staff only
                        .requestMatchers(HttpMethod.POST, "/api/v1/contract-orders")
                                .access(staffOrPartnerWith(PartnerScope.ORDERS_WRITE, CUSTOMER_SERVICE, ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/v1/contract-orders/*/documents/**", "/api/v1/customers/*/documents",
                                "/api/v1/customers/*/documents/**", "/api/v1/consent-audit/**").hasAnyRole(STAFF)
                        // the partner API: a partner token needs the scope of the function; staff need none
                        .requestMatchers(HttpMethod.GET, ACCOUNT + "/balance", ACCOUNT + "/invoices/*",
                                ACCOUNT + "/payment-arrangement-options", ACCOUNT + "/instalment-plan-options", ACCOUNT + "/instalment-plans")
                                .access(partner(PartnerScope.BILLING_READ))
                        .requestMatchers(HttpMethod.POST, ACCOUNT + "/payment-arrangements", ACCOUNT + "/instalment-plans")
                                .access(partner(PartnerScope.BILLING_WRITE))
                        .requestMatchers(HttpMethod.POST, ACCOUNT + "/add-ons", ACCOUNT + "/move-ins").access(partner(PartnerScope.ORDERS_WRITE))
                        .requestMatchers(HttpMethod.POST, ACCOUNT + "/work-orders", ACCOUNT + "/contacts").access(partner(PartnerScope.CASES_WRITE))
                        .requestMatchers(HttpMethod.PUT, ACCOUNT + "/email").access(partner(PartnerScope.ACCOUNTS_WRITE))
                        .requestMatchers(HttpMethod.GET, "/api/v1/partner/accounts", ACCOUNT, ACCOUNT + "/grid-operators",
                                ACCOUNT + "/contracts", ACCOUNT + "/add-ons").access(partner(PartnerScope.ACCOUNTS_READ))
                        .requestMatchers(HttpMethod.POST, ACCOUNT + "/date-of-birth-confirmations").access(partner(PartnerScope.ACCOUNTS_READ))
                        // a partner follows up what it placed, with the scope it placed it with (the controller keeps it to its own)
                        .requestMatchers(HttpMethod.GET, "/api/v1/partner/contract-orders", "/api/v1/partner/contract-orders/*")
                                .access(partner(PartnerScope.ORDERS_WRITE))
                        .requestMatchers(HttpMethod.GET, "/api/v1/partner/work-orders", "/api/v1/partner/work-orders/*")
                                .access(partner(PartnerScope.CASES_WRITE))
                        .requestMatchers("/api/v1/partner/**").denyAll()
                        // billing data outside the partner API is not the partners' (their scopes would not hold there)
                        .requestMatchers(HttpMethod.GET, "/api/v1/customers/*/invoices", "/api/v1/invoices/*", "/api/v1/customers/*/ledger")
                                .hasAnyRole(BILLING_DATA_READERS)
                        // an invoice's delivery: whoever reads invoices may start or push it
                        .requestMatchers(HttpMethod.POST, "/api/v1/invoices/*/deliveries", "/api/v1/invoices/*/deliveries/retry",
                                "/api/v1/invoices/*/deliveries/resolve", "/api/v1/invoice-deliveries/due")
                                .hasAnyRole(BILLING_DATA_READERS)
                        .requestMatchers("/api/v1/print-batches", "/api/v1/print-batches/**", "/api/v1/avtalegiro/**")
                                .hasAnyRole(names(BILLING, ADMIN))
                        // dunning: reading and holding an invoice's dunning is for whoever reads invoices; a run is accounting's;
                        // the late-interest rates are read by staff and entered by admin
                        .requestMatchers(HttpMethod.GET, "/api/v1/invoices/*/dunning", "/api/v1/invoices/*/dunning/**",
                                "/api/v1/customers/*/dunning").hasAnyRole(BILLING_DATA_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/invoices/*/dunning/pause", "/api/v1/invoices/*/dunning/resume",
                                "/api/v1/invoices/*/dunning/stop", "/api/v1/dunning-notices/due").hasAnyRole(BILLING_DATA_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/dunning-runs").hasAnyRole(names(BILLING, ADMIN))
                        .requestMatchers(HttpMethod.POST, "/api/v1/late-interest-rates").hasRole(ADMIN.roleName())
                        // payments and debt collection are accounting's
                        .requestMatchers("/api/v1/payment-files", "/api/v1/payment-files/**", "/api/v1/payment-queue",
                                "/api/v1/payments/**", "/api/v1/invoices/*/debt-collection", "/api/v1/invoices/*/debt-collection/resend")
                                .hasAnyRole(names(BILLING, ADMIN))
                        // debt collection (claims to the agency, its work items, settlement files) and the plans' nightly check
                        .requestMatchers("/api/v1/debt-collection/**", "/api/v1/instalment-plans/settlement-runs",
                                "/api/v1/instalment-plans/confirmations/sends")
                                .hasAnyRole(names(BILLING, ADMIN))
                        .requestMatchers(HttpMethod.POST, "/api/v1/peppol-participant-lists").hasRole(ADMIN.roleName())
                        .requestMatchers(HttpMethod.GET, "/api/v1/partner-calls").hasRole(ADMIN.roleName())
                        // cases and the contact log: staff
                        .requestMatchers("/api/v1/cases", "/api/v1/cases/**", "/api/v1/customers/*/contacts").hasAnyRole(STAFF)
                        // personal-data search (national ID): staff only
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/search").hasAnyRole(STAFF)
                        // settled compensation is the billing side's; 888/870 are customer service's
                        .requestMatchers(HttpMethod.POST, "/api/v1/metering-points/*/properties/900",
                                "/api/v1/metering-points/*/properties/900/**").hasAnyRole(names(BILLING, ADMIN))
                        .requestMatchers(HttpMethod.POST, "/api/v1/grid-owners", "/api/v1/grid-areas").hasRole(ADMIN.roleName())
                        // prices and meter values are billing data
                        .requestMatchers(HttpMethod.POST, "/api/v1/spot-prices", "/api/v1/meter-values", "/api/v1/price-calculations",
                                "/api/v1/price-calculations/**").hasAnyRole(names(BILLING, ADMIN))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/price-calculations/**").hasAnyRole(names(BILLING, ADMIN))
                        // tariffs are billing data; segment definitions are admin's; memberships are staff's (default below)
                        .requestMatchers(HttpMethod.POST, "/api/v1/tariff-groups", "/api/v1/tariff-elements",
                                "/api/v1/tariff-elements/**", "/api/v1/metering-points/*/segments/refresh",
                                "/api/v1/compensation-classification", "/api/v1/metering-points/*/compensation-classification",
                                "/api/v1/billing-runs", "/api/v1/billing-runs/**", "/api/v1/rme-reports")
                                .hasAnyRole(names(BILLING, ADMIN))
                        .requestMatchers(HttpMethod.POST, "/api/v1/segment-groups", "/api/v1/segments", "/api/v1/products").hasRole(ADMIN.roleName())
                        .requestMatchers(HttpMethod.GET, "/api/v1/rme-reports", "/api/v1/rme-reports/**").hasAnyRole(names(BILLING, ADMIN))
                        // BRS-NO-611 look-up: staff and order intake (partners); the rest of Elhub's side is staff's
                        .requestMatchers(HttpMethod.POST, "/api/v1/elhub/metering-point-lookups")
                                .access(staffOrPartnerWith(PartnerScope.ACCOUNTS_READ, CUSTOMER_SERVICE, BILLING, ADMIN))
                        // receiving from Elhub on demand is the billing side's (the scheduler does it anyway)
                        .requestMatchers(HttpMethod.POST, "/api/v1/elhub/polls").hasAnyRole(names(BILLING, ADMIN))
                        // a start or end of supply is a sale's, customer service's
                        .requestMatchers(HttpMethod.POST, "/api/v1/elhub/supply-starts", "/api/v1/elhub/supply-starts/*/cancel",
                                "/api/v1/elhub/supply-starts/*/rollback", "/api/v1/elhub/supply-ends", "/api/v1/elhub/supply-ends/*/cancel",
                                "/api/v1/elhub/supply-ends/*/rollback")
                                .hasAnyRole(STAFF)
                        .requestMatchers("/api/v1/elhub/**", "/api/v1/metering-points/*/elhub-commands")
                                .hasAnyRole(names(CUSTOMER_SERVICE, BILLING, ADMIN))
                        // partners read reference and price data (products, grid owners, spot prices, price tables, tariffs,
                        // segment definitions) with accounts:read; the rest of the staff API is not theirs: customer and
                        // metering-point data reach a partner only through the partner API (masked, scoped, audited)
                        .requestMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/**", "/api/v1/grid-owners", "/api/v1/grid-areas",
                                "/api/v1/grid-owners/**", "/api/v1/spot-prices", "/api/v1/price-calculations",
                                "/api/v1/price-calculations/**", "/api/v1/tariff-groups", "/api/v1/tariff-elements",
                                "/api/v1/tariff-elements/**", "/api/v1/segment-groups")
                                .access(staffOrPartnerWith(PartnerScope.ACCOUNTS_READ, CUSTOMER_SERVICE, BILLING, ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(names(CUSTOMER_SERVICE, BILLING, ADMIN))
                        .requestMatchers("/api/v1/**").hasAnyRole(STAFF)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(properties.rolesClaim())))
                        .authenticationEntryPoint((request, response, e) -> problem(request, response, 401, "Unauthorized",
                                "a valid bearer token is required", List.of()))
                        .accessDeniedHandler((request, response, e) -> forbidden(request, response, requestRules.get())))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(request, response, 401, "Unauthorized",
                                "a valid bearer token is required", List.of()))
                        .accessDeniedHandler((request, response, ex) -> forbidden(request, response, requestRules.get())));
        org.springframework.security.web.DefaultSecurityFilterChain chain = http.build();
        chain.getFilters().stream().filter(f -> f instanceof org.springframework.security.web.access.intercept.AuthorizationFilter)
                .findFirst().ifPresent(f -> requestRules.set(((org.springframework.security.web.access.intercept.AuthorizationFilter) f)
                        .getAuthorizationManager()));
        return chain;
    }

    /**
     * The staff roles the rules let make this request (asked of the rules themselves, so the answer cannot drift). Not
     * for partners: they are told the scope they miss, never the staff roles.
     */
    static List<Role> rolesAllowed(jakarta.servlet.http.HttpServletRequest request,
            AuthorizationManager<jakarta.servlet.http.HttpServletRequest> rules) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean partner = caller != null && caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + PARTNER.roleName()));
        if (rules == null || partner) {
            return List.of();
        }
        return Arrays.stream(Role.values()).filter(r -> r != PARTNER).filter(role -> {
            Authentication probe = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("probe", null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + role.roleName())));
            var decision = rules.authorize(() -> probe, request);
            return decision != null && decision.isGranted();
        }).toList();
    }

    /** The auditor of every write: the token's subject (a staff user or a client ID). */
    @Bean
    CurrentActor currentActor() {
        return () -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication instanceof JwtAuthenticationToken token ? token.getName() : CurrentActor.SYSTEM;
        };
    }

    static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        return jwt -> {
            List<String> values = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : List.of();
            List<GrantedAuthority> authorities = new java.util.ArrayList<>(values.stream()
                    .flatMap(v -> Role.ofClaim(v).stream())
                    .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.roleName()))
                    .toList());
            // RFC 9068: "scope" is one space-separated string
            String scope = jwt.hasClaim("scope") ? jwt.getClaimAsString("scope") : "";
            for (String s : scope.strip().split("\\s+")) {
                if (!s.isEmpty()) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_" + s));
                }
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    /** A 403 that says why: the partner scope that was missing, or the roles that may (worked out once). */
    private static void forbidden(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
            AuthorizationManager<jakarta.servlet.http.HttpServletRequest> rules) throws IOException {
        Object scope = request.getAttribute(MISSING_SCOPE);
        List<Role> allowed = scope == null ? rolesAllowed(request, rules) : List.of();
        String detail = scope != null ? "this needs the partner scope '" + scope + "', which your token does not carry"
                : allowed.isEmpty() ? "your role may not do this"
                : "your role may not do this; it needs the role " + String.join(" or ", allowed.stream().map(Role::claimValue).toList());
        List<Map<String, Object>> violations = scope != null
                ? List.of(ProblemJson.violation("scope.missing", detail, Map.of("scope", scope.toString())))
                : allowed.isEmpty() ? List.of()
                : List.of(ProblemJson.violation("role.missing", detail, Map.of("roles", allowed.stream().map(Role::claimValue).toList())));
        problem(request, response, 403, "Forbidden", detail, violations);
    }

    /** RFC 9457 with {@code instance}; a 401 says how to authenticate (RFC 6750 {@code WWW-Authenticate}). */
    private static void problem(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail, List<Map<String, Object>> violations) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", request.getHeader("Authorization") == null ? "Bearer realm=\"kraft-cis\""
                    : "Bearer realm=\"kraft-cis\", error=\"invalid_token\"");
        }
        ProblemJson.write(request, response, "about:blank", status, title, detail, violations, Map.of());
    }

    /** Staff (customer service, admin), or a partner holding the scope. */
    private static AuthorizationManager<RequestAuthorizationContext> partner(PartnerScope scope) {
        return staffOrPartnerWith(scope, CUSTOMER_SERVICE, ADMIN);
    }

    /** One of the given roles, or a partner holding the scope. */
    private static AuthorizationManager<RequestAuthorizationContext> staffOrPartnerWith(PartnerScope scope, Role... roles) {
        AuthorizationManager<RequestAuthorizationContext> rule = AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasAnyRole(names(roles)),
                AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(PARTNER.roleName()),
                        AuthorityAuthorizationManager.hasAuthority(scope.authority())));
        // a partner refused here lacks this scope: say which, in the 403 (accessDeniedHandler reads it)
        return (authentication, context) -> {
            var result = rule.authorize(authentication, context);
            if (result != null && !result.isGranted() && authentication.get() != null && authentication.get().getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + PARTNER.roleName()))) {
                context.getRequest().setAttribute(MISSING_SCOPE, scope.value());
            }
            return result;
        };
    }

    /** Request attribute: the partner scope the call needed and the token did not carry. */
    static final String MISSING_SCOPE = SecurityConfiguration.class.getName() + ".missingScope";

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::roleName).toArray(String[]::new);
    }
}
