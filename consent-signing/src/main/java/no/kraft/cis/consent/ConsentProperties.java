package no.kraft.cis.consent;

import java.time.Duration;
import no.kraft.cis.consent.elhubaccess.AccessApi;
import no.kraft.cis.consent.order.NewOrder;
import no.kraft.cis.consent.signicat.SignApi;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Contract orders and consent ({@code cis.consent.*}); the flows run when {@code elhub-access.base-url} is set.
 *
 * @param companyName our name on the order confirmation and as balanceSupplierName at Elhub
 * @param defaultFlow DOCUMENT (Elhub's PDF signed with BankID through Signicat) or REQUEST (approval on Elhub's pages)
 * @param validity how long the customer has (Elhub: 28 days; Signicat's due date is the same)
 * @param template the order-confirmation template (a Spring resource location)
 * @param startWindow when an order may start, in days from today
 * @param auditSubjectKey the key of the keyed hash that stands for a person in the audit trail (≥ 16 characters)
 * @param webhookSecret the shared secret Signicat's webhook must present in {@code X-Webhook-Secret}
 */
@ConfigurationProperties("cis.consent")
public record ConsentProperties(String companyName, NewOrder.ConsentFlow defaultFlow, Duration validity, String template,
        StartWindow startWindow, String auditSubjectKey, String webhookSecret, String redirectUri, AccessApi.Settings elhubAccess,
        SignApi.Settings signicat, Timing timing) {

    public ConsentProperties {
        companyName = companyName == null ? "Kraft Energi AS" : companyName;
        defaultFlow = defaultFlow == null ? NewOrder.ConsentFlow.DOCUMENT : defaultFlow;
        validity = validity == null ? Duration.ofDays(28) : validity;
        template = template == null ? "classpath:templates/order-confirmation.html" : template;
        startWindow = startWindow == null ? new StartWindow(0, 30, 90) : startWindow;
        timing = timing == null ? new Timing(null, null, null, null, null) : timing;
    }

    public record StartWindow(int switchEarliestDays, int moveInBackDays, int latestDays) {
    }

    /** Retry after failed calls, poll while waiting for the customer, lease of a claimed step. */
    public record Timing(Duration retryFirst, Duration retryMax, Duration pollFirst, Duration pollMax, Duration lease) {

        public Timing {
            retryFirst = retryFirst == null ? Duration.ofSeconds(30) : retryFirst;
            retryMax = retryMax == null ? Duration.ofMinutes(30) : retryMax;
            pollFirst = pollFirst == null ? Duration.ofMinutes(2) : pollFirst;
            pollMax = pollMax == null ? Duration.ofHours(1) : pollMax;
            lease = lease == null ? Duration.ofMinutes(2) : lease;
        }
    }
}
