package no.kraft.cis.consent.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kraft.cis.consent.audit.ConsentAuditTrail;
import no.kraft.cis.consent.order.ContractOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts, cancels and reads consent attempts, and takes Signicat's webhook. Runs in the caller's transaction.
 */
public class Consents {

    private final ConsentStore store;
    private final ConsentAuditTrail audit;
    private final JdbcClient jdbc;
    private final ConsentSettings settings;
    private final Clock clock;
    private final byte[] webhookSecret;

    public Consents(ConsentStore store, ConsentAuditTrail audit, JdbcClient jdbc, ConsentSettings settings, Clock clock, String webhookSecret) {
        this.store = store;
        this.audit = audit;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.webhookSecret = webhookSecret == null ? new byte[0] : webhookSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** A new attempt for the order, due at once; any earlier open attempt is superseded. */
    public Consent start(ContractOrder order, Consent.Flow flow, String actor) {
        for (Consent earlier : store.ofOrder(order.id())) {
            if (!earlier.state().fin()) {
                store.move(earlier.id(), ConsentState.SUPERSEDED, null, Map.of("outcome_detail", "superseded by a restart"));
            }
        }
        Consent consent = store.create(order.id(), flow, flow == Consent.Flow.DOCUMENT ? ConsentState.CREATE_DOCUMENT : ConsentState.CREATE_REQUEST,
                clock.instant().plus(settings.validity()));
        audit.append(order.number().auditChain(), "CONSENT_STARTED", actor, Map.of("consentId", consent.id(), "flow", flow.name(),
                "expiresAt", consent.expiresAt()), order.applicant().nationalId());
        return consent;
    }

    /** Stops every open attempt of the order. */
    public void cancel(ContractOrder order, String actor, String reason) {
        for (Consent c : store.ofOrder(order.id())) {
            if (!c.state().fin()) {
                store.move(c.id(), ConsentState.CANCELLED, null, Map.of("outcome_detail", reason));
                audit.append(order.number().auditChain(), "CONSENT_CANCELLED", actor, Map.of("consentId", c.id(), "reason", reason), null);
            }
        }
    }

    public List<Consent> ofOrder(long orderId) {
        return store.ofOrder(orderId);
    }

    /** The outcome of a webhook call. */
    public enum WebhookOutcome { FORGED, DUPLICATE, UNKNOWN_SESSION, NUDGED, IGNORED }

    /**
     * Signicat's webhook, taken only as a hint: the shared secret must match (constant-time), an event id seen before
     * is ignored, and a known session waiting for a signature is made due so the driver re-reads it with an
     * authenticated GET. The body is never trusted for the outcome.
     */
    public WebhookOutcome webhook(String presentedSecret, String eventId, String sessionId) {
        if (webhookSecret.length == 0 || presentedSecret == null
                || !MessageDigest.isEqual(webhookSecret, presentedSecret.getBytes(StandardCharsets.UTF_8))) {
            return WebhookOutcome.FORGED;
        }
        int inserted = jdbc.sql("""
                insert into signicat_event (event_id, session_id, received_at) values (:id, :session, :at)
                on conflict (event_id) do nothing""")
                .param("id", eventId).param("session", sessionId).param("at", java.sql.Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            return WebhookOutcome.DUPLICATE;
        }
        Optional<Consent> consent = sessionId == null ? Optional.empty() : store.bySession(sessionId);
        if (consent.isEmpty()) {
            return WebhookOutcome.UNKNOWN_SESSION;
        }
        return store.nudge(consent.get().id()) ? WebhookOutcome.NUDGED : WebhookOutcome.IGNORED;
    }
}
