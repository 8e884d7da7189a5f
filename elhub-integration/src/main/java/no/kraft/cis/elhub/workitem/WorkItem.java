package no.kraft.cis.elhub.workitem;

import java.time.Instant;

/**
 * An item in the exception queue (avviksliste): something about Elhub that needs a person, with the full request and
 * answer.
 *
 * @param commandId the outbox command it is about, if any
 */
public record WorkItem(long id, Kind kind, String meteringPoint, Long commandId, String summary, String request, String response,
        Status status, Instant createdAt, Instant closedAt, String closedBy, String comment) {

    public enum Kind {
        /** Elhub refused a command (e.g. {@code INVALID_STATUS_TRANSITION}). */
        REJECTED,
        /** What Elhub says cannot be taken into our data as it is (e.g. it would rewrite history we have). */
        DATA_CONFLICT,
        /** A command got no answer before its deadline. */
        NO_ANSWER,
        /** A message Elhub sent us could not be applied (a rule it breaks, a metering point we do not know); raw message attached. */
        INBOUND_FAILED,
        /** Elhub refused what we sent with a SOAP fault (schema, security): a fault in our integration, for IT. */
        INTEGRATION_ERROR
    }

    /** OPEN until someone retries it (RETRIED) or resolves it with a comment (RESOLVED). */
    public enum Status {
        OPEN,
        RETRIED,
        RESOLVED
    }
}
