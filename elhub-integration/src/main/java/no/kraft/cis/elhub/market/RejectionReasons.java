package no.kraft.cis.elhub.market;

import java.util.Map;

/**
 * What Elhub's reason codes on a rejected start of supply mean and what staff should do (../shared/domain/
 * elhub-market-processes.md §5; ebIX codes, agency 260, and Elhub's own, agency 89). One table, easy to extend.
 */
public final class RejectionReasons {

    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("E09", "the installation address is not in the grid area — check the metering point with the customer (run the "
                    + "metering-point look-up again)"),
            Map.entry("E10", "the metering point or address could not be identified — look the metering point up again with the customer"),
            Map.entry("E16", "we are not authorised as balance supplier for this — check our market role with Elhub"),
            Map.entry("E17", "the requested date is not within the time limits — order again from the earliest allowed date"),
            Map.entry("E22", "the metering point is blocked for switching — ask the grid company why"),
            Map.entry("E47", "there is no ongoing switch for the metering point — nothing to cancel or correct"),
            Map.entry("E50", "the period is invalid — check the start date"),
            Map.entry("E59", "a relation already exists or another process crosses this one (e.g. another supplier's switch from the "
                    + "same or an earlier date) — talk to the customer before ordering again"),
            Map.entry("EH059", "an element the process does not allow (e.g. the balance supplier in a rollback) — a fault in our message, for IT"),
            Map.entry("EH095", "the grid company refused to activate the metering point on the move-in — contact the grid company"));

    private RejectionReasons() {
    }

    public static String meaning(String code) {
        return MEANING.getOrDefault(code, "Elhub refused it with " + code + " — see Elhub's code list");
    }
}
