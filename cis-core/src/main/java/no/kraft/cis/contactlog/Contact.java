package no.kraft.cis.contactlog;

import java.time.Instant;

/**
 * One logged contact with a customer.
 *
 * @param transcriptRef where the full transcript is (an id or URL in the recording / chat system), or {@code null}
 * @param by the staff member or partner client who logged it
 */
public record Contact(long id, long customerId, Channel channel, String summary, String transcriptRef, String by, Instant at) {

    public enum Channel { PHONE, CHAT, EMAIL, LETTER, MEETING }
}
