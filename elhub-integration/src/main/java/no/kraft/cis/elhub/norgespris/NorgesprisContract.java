package no.kraft.cis.elhub.norgespris;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A Norgespris contract as Elhub's Contracts API returns it ({@code type: "contract"}, {@code contractType:
 * "Norgespris"}).
 *
 * @param endDate the last day of the agreement (inclusive, as Elhub writes it), or {@code null}
 */
public record NorgesprisContract(String id, String meteringPointId, Status status, LocalDate startDate, LocalDate endDate,
        boolean cancelled, Instant createdAt, Instant updatedAt) {

    /** Elhub's lifecycle: Initiated → (14-day regret period) → Activated → Expired; Initiated → Cancelled. */
    public enum Status {
        INITIATED,
        ACTIVATED,
        CANCELLED,
        EXPIRED;

        /** Accepts Elhub's spellings: {@code Initiated}, {@code Activated}, …, and the lower-case {@code active},
         * {@code inactive}, {@code cancelled} seen in some documents. */
        public static Status parse(String raw) {
            return switch (raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT)) {
                case "initiated" -> INITIATED;
                case "activated", "active" -> ACTIVATED;
                case "cancelled", "canceled" -> CANCELLED;
                case "expired", "inactive" -> EXPIRED;
                default -> throw new IllegalArgumentException("unknown Norgespris status '" + raw + "'");
            };
        }
    }
}
