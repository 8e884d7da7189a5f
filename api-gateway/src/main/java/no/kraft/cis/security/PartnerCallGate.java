package no.kraft.cis.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import no.kraft.cis.problem.ProblemJson;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kraft.cis.audit.AuditStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * After authentication and before authorisation, for every call by a partner token (whatever the path) and every call
 * to the partner API ({@code /api/v1/partner/**}, also by staff): limits each partner client's rate (429 with
 * {@code Retry-After}), and writes an audit row — who, which function, which customers, when, and the status — also
 * for calls refused (403) or limited (429). Paths are matched decoded ({@code %70artner} is {@code partner}), as the
 * security rules and the controllers see them. A controller names the customers a call concerns with
 * {@link #concerns}; an account number in the path counts too.
 */
public final class PartnerCallGate extends OncePerRequestFilter {

    static final String PREFIX = "/api/v1/partner/";
    private static final String CUSTOMERS = PartnerCallGate.class.getName() + ".customers";
    private static final String FLAG = PartnerCallGate.class.getName() + ".flag";
    private static final Pattern ACCOUNT = Pattern.compile("^/api/v1/(?:partner/accounts|customers)/(\\d{1,12})(/|$)");
    private static final Pattern NUMBER = Pattern.compile("/\\d+(?=/|$)");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final ClientRateLimits limits;
    private final JdbcClient jdbc;
    private final AuditStamp audit;

    PartnerCallGate(ClientRateLimits limits, JdbcClient jdbc, AuditStamp audit) {
        this.limits = limits;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Marks the current partner call for staff's attention in the audit ({@code partner_call.flag}). */
    public static void flag(HttpServletRequest request, String flag) {
        request.setAttribute(FLAG, flag);
    }

    /** Records which customers the current partner call concerns (found, read or changed). */
    public static void concerns(HttpServletRequest request, Collection<Long> customerNumbers) {
        @SuppressWarnings("unchecked")
        List<Long> list = (List<Long>) request.getAttribute(CUSTOMERS);
        if (list == null) {
            list = new ArrayList<>();
            request.setAttribute(CUSTOMERS, list);
        }
        list.addAll(customerNumbers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        String path = PATHS.getPathWithinApplication(request);
        if (!isPartner(token) && !path.startsWith(PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        int status = 500;
        try {
            if (isPartner(token)) {
                OptionalLong wait = limits.take(token.getName());
                if (wait.isPresent()) {
                    status = 429;
                    response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
                    ProblemJson.write(request, response, "about:blank", 429, "Too Many Requests",
                            "rate limit of client exceeded; retry after " + wait.getAsLong() + " s",
                            List.of(ProblemJson.violation("rateLimit.exceeded", "retry after " + wait.getAsLong() + " s", Map.of())),
                            Map.of("rule", "rateLimit.exceeded"));
                    return;
                }
            }
            chain.doFilter(request, response);
            status = response.getStatus();
        } catch (AccessDeniedException denied) {
            status = 403;
            throw denied;
        } finally {
            record(request, path, token, status);
        }
    }

    private static boolean isPartner(JwtAuthenticationToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + Role.PARTNER.roleName())::equals);
    }

    private void record(HttpServletRequest request, String path, JwtAuthenticationToken token, int status) {
        List<Long> customers = new ArrayList<>();
        Matcher account = ACCOUNT.matcher(path);
        if (account.find()) {
            customers.add(Long.parseLong(account.group(1)));
        }
        @SuppressWarnings("unchecked")
        List<Long> named = (List<Long>) request.getAttribute(CUSTOMERS);
        if (named != null) {
            named.stream().filter(n -> !customers.contains(n)).forEach(customers::add);
        }
        String role = token.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .findFirst().map(a -> a.substring(5)).orElse("NONE");
        String function = NUMBER.matcher(path).replaceAll("/{n}");
        jdbc.sql("""
                        insert into partner_call (client_id, role, method, function, customer_numbers, status, called_at, flag)
                        values (:client, :role, :method, :function, cast(:customers as bigint[]), :status, :at, :flag)""")
                .param("flag", request.getAttribute(FLAG))
                .param("client", token.getName()).param("role", role).param("method", request.getMethod())
                .param("function", function.length() > 200 ? function.substring(0, 200) : function)
                .param("customers", customers.toArray(Long[]::new)).param("status", status)
                .param("at", Timestamp.from(audit.now())).update();
    }
}
