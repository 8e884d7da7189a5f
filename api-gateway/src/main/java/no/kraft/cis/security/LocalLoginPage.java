package no.kraft.cis.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The local login page, in bokmål by default and English with {@code ?lang=en}: a plain form (visible labels, the
 * error next to the fields and announced), posted to Spring Security's form login.
 */
@Controller
@ConditionalOnProperty(name = "cis.security.local-issuer.enabled", havingValue = "true")
@io.swagger.v3.oas.annotations.Hidden
class LocalLoginPage {

    private record Texts(String lang, String title, String heading, String username, String password, String signIn, String failed,
            String loggedOut, String other, String otherLink) {
    }

    private static final Texts NB = new Texts("nb", "Logg inn – Kraft CIS", "Logg inn", "Brukernavn", "Passord", "Logg inn",
            "Feil brukernavn eller passord.", "Du er logget ut.", "English", "en");
    private static final Texts EN = new Texts("en", "Sign in – Kraft CIS", "Sign in", "Username", "Password", "Sign in",
            "Wrong username or password.", "You are signed out.", "Norsk", "nb");

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(@RequestParam(required = false) String lang, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout, HttpServletRequest request) {
        Texts t = "en".equals(lang) ? EN : NB;
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = error != null ? "<p id=\"login-error\" class=\"error\" role=\"alert\">" + t.failed() + "</p>"
                : logout != null ? "<p role=\"status\">" + t.loggedOut() + "</p>" : "";
        String described = error != null ? " aria-describedby=\"login-error\" aria-invalid=\"true\"" : "";
        return """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1a1a1a;display:flex;justify-content:center;padding-top:10vh}
                main{background:#fff;padding:2rem 2.5rem;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15);width:22rem}
                label{display:block;font-weight:600;margin-top:1rem} input{width:100%%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #6b7280;border-radius:4px}
                button{margin-top:1.5rem;width:100%%;padding:.6rem;font-size:1rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}
                .error{color:#a30000;font-weight:600} a{color:#0b5cad}
                </style></head>
                <body><main><h1>%s</h1>%s
                <form method="post" action="/login">
                <label for="username">%s</label><input id="username" name="username" autocomplete="username" autofocus required%s>
                <label for="password">%s</label><input id="password" name="password" type="password" autocomplete="current-password" required%s>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">%s</button>
                </form>
                <p><a href="/login?lang=%s" lang="%s">%s</a></p></main></body></html>
                """.formatted(t.lang(), t.title(), t.heading(), message, t.username(), described, t.password(), described,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(), t.signIn(), t.otherLink(),
                t.otherLink(), t.other());
    }
}
