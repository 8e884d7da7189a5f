package no.kraft.cis.webui;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Serves the staff web UI (module {@code web-ui}, packaged as static resources): every screen's URL answers the
 * single-page application, so a link to a customer can be shared in a case; and the UI's sign-in settings.
 */
@Controller
@Hidden
class WebUiController {

    /** The screens' paths (the router in {@code web-ui/src/app/routes.tsx} holds the same list). */
    static final String[] SCREENS = {"/customers/**", "/metering-points/**", "/invoices/**", "/billing-runs/**", "/elhub/**",
            "/payments/**", "/receivables/**", "/cases/**", "/rme-reports/**", "/invoice-deliveries/**", "/print-batches/**", "/admin/**", "/contract-orders/**", "/auth/callback"};

    private final WebUiProperties properties;

    WebUiController(WebUiProperties properties) {
        this.properties = properties;
    }

    @GetMapping({"/customers/**", "/metering-points/**", "/invoices/**", "/billing-runs/**", "/elhub/**", "/payments/**",
            "/receivables/**", "/cases/**", "/rme-reports/**", "/invoice-deliveries/**", "/print-batches/**", "/admin/**", "/contract-orders/**", "/auth/callback"})
    String screen() {
        return "forward:/index.html";
    }

    /** Where the UI signs staff in: the company's identity provider, or (local profile) this application's own issuer. */
    @GetMapping(value = "/web-ui/config", produces = "application/json")
    @ResponseBody
    WebUiProperties.Oidc config() {
        return properties.oidc();
    }
}
