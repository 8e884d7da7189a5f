package no.kraft.cis.security;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /local/oauth2/token}: the client-credentials grant of {@link LocalTokenIssuer}. */
@Hidden
@RestController
@ConditionalOnProperty(name = "cis.security.local-issuer.enabled", havingValue = "true")
class LocalTokenEndpoint {

    private final LocalTokenIssuer issuer;

    LocalTokenEndpoint(LocalTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(path = "/local/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            @RequestParam(name = "scope", required = false) String scope,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!"client_credentials".equals(grantType)) {
            return error("unsupported_grant_type", "only client_credentials is supported");
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8).split(":", 2);
            } catch (IllegalArgumentException notBase64) {
                return invalidClient();   // RFC 6749 §5.2: client authentication failed
            }
            if (pair.length != 2 || pair[0].isEmpty()) {
                return invalidClient();
            }
            clientId = pair[0];
            clientSecret = pair[1];
        }
        // a partner asks for some of its scopes (RFC 6749 §3.3) or gets them all; other clients have none
        java.util.List<String> scopes = !"partner".equals(clientId) ? java.util.List.of()
                : scope == null || scope.isBlank() ? PartnerScope.all()
                : java.util.Arrays.stream(scope.strip().split("\\s+")).filter(PartnerScope.all()::contains).distinct().toList();
        return issuer.issue(clientId, clientSecret, scopes)
                .map(token -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", token.accessToken());
                    body.put("token_type", "Bearer");
                    body.put("expires_in", token.expiresIn());
                    body.put("scope", token.scope());
                    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
                })
                .orElseGet(LocalTokenEndpoint::invalidClient);
    }

    /** RFC 6749 §5.2: 401 with the scheme the client may authenticate by. */
    private static ResponseEntity<Map<String, Object>> invalidClient() {
        return ResponseEntity.status(401).header("WWW-Authenticate", "Basic realm=\"kraft-cis\"")
                .body(Map.of("error", "invalid_client"));
    }

    private static ResponseEntity<Map<String, Object>> error(String code, String description) {
        return ResponseEntity.badRequest().body(Map.of("error", code, "error_description", description));
    }
}
