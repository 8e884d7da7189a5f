package no.kraft.cis.elhub.market;

import java.time.LocalDate;

/**
 * Elhub answered a start of supply of ours (published in the transaction that records it): {@code CONFIRMED},
 * {@code NOTIFIED} (the cancellation deadline has passed: ours from {@code startDate}), {@code REJECTED} with Elhub's
 * reason, or {@code FAILED} (a SOAP fault, or no answer by the outbox's deadline). The contract order that asked for it
 * moves on from here.
 */
public record SupplyStartAnswered(long processId, String meteringPointId, LocalDate startDate, SupplyProcesses.Status status,
        String reasonCode, String reason) {
}
