package no.kraft.cis.elhub.market;

import java.time.LocalDate;

/**
 * What we ask Elhub: end our supply of {@code meteringPointId} from {@code endDate} (Norwegian midnight, the first day
 * no longer ours), for this end user.
 *
 * @param kind {@link ProcessKind#MOVE_OUT} (BRS-NO-201) or {@link ProcessKind#TERMINATION} (202)
 * @param address where the final invoice goes: for a move-out the end user's new address
 */
public record SupplyEnd(ProcessKind kind, String meteringPointId, LocalDate endDate, String endUserId, String name, String givenName,
        String familyName, SupplyStart.Address address) {

    public boolean organisation() {
        return endUserId != null && endUserId.length() == 9;
    }
}
