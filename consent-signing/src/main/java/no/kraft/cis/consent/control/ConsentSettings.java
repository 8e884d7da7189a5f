package no.kraft.cis.consent.control;

import java.time.Duration;
import no.kraft.cis.elhub.outbox.Backoff;

/**
 * How consents run ({@code cis.consent.*}).
 *
 * @param supplierName our name as Elhub's document shows it (balanceSupplierName)
 * @param validity how long a document or request may wait for the customer (Elhub: 28 days)
 * @param retry backoff after a failed call (no answer, 429, 5xx)
 * @param poll backoff between status reads while waiting for the customer
 * @param lease how long a claimed step is held before another attempt may take it
 * @param redirectUri where Elhub sends the customer back after the request flow, or {@code null}
 */
public record ConsentSettings(String supplierName, Duration validity, Backoff retry, Backoff poll, Duration lease, String redirectUri) {
}
