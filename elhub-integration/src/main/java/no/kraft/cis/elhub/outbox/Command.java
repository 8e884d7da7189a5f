package no.kraft.cis.elhub.outbox;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An outbound command to Elhub as the outbox keeps it.
 *
 * @param startDate the requested start (orders)
 * @param contractId Elhub's contract, once known (the created one, or the one a cancellation is for)
 * @param supplyProcessId the supply process whose message this is
 * @param customerUpdateId the customer-information update (BRS-NO-301) whose message this is
 */
public record Command(long id, Kind kind, String meteringPoint, LocalDate startDate, Status status, int attempts,
        Instant nextAttemptAt, Instant deadlineAt, Instant createdAt, String createdBy, Instant finishedAt, String contractId,
        String lastError, Long supplyProcessId, Long customerUpdateId) {

    public enum Kind {
        ORDER_NORGESPRIS,
        CANCEL_NORGESPRIS,
        /** The stored RequestStartOfSupply of a supply process, over EMIF MarketProcesses. */
        REQUEST_START_OF_SUPPLY,
        /** The stored cancellation (E02) of a supply process's request. */
        CANCEL_START_OF_SUPPLY,
        /** The stored rollback (BRS-NO-111, E02) of a notified start. */
        ROLLBACK_START_OF_SUPPLY,
        /** The stored RequestEndOfSupply (BRS-NO-201/202) of a supply process. */
        REQUEST_END_OF_SUPPLY,
        /** The stored cancellation (E02, same BRS) of a supply process's RequestEndOfSupply. */
        CANCEL_END_OF_SUPPLY,
        /** The stored rollback (BRS-NO-221, E02) of a confirmed end of supply after Elhub's cancellation deadline. */
        ROLLBACK_END_OF_SUPPLY,
        /** The stored RequestUpdateCustomerInformation (BRS-NO-301) of a customer update. */
        UPDATE_CUSTOMER_INFORMATION;

        /** A Norgespris command (Contracts API), of which a metering point has at most one waiting. */
        public boolean norgespris() {
            return this == ORDER_NORGESPRIS || this == CANCEL_NORGESPRIS;
        }

        /** A stored EMIF message, sent as it is over MarketProcesses. */
        public boolean emif() {
            return !norgespris();
        }
    }

    /**
     * PENDING until Elhub accepted it (DELIVERED), refused it (REJECTED), or no answer came before the deadline (EXPIRED);
     * or WITHDRAWN before it was sent.
     */
    public enum Status {
        PENDING,
        DELIVERED,
        REJECTED,
        EXPIRED,
        /** Taken back before it was ever sent (a held request cancelled before its send window opened). */
        WITHDRAWN
    }
}
