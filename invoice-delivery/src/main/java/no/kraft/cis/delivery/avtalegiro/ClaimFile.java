package no.kraft.cis.delivery.avtalegiro;

import java.util.List;

/**
 * A claim file (payee → Nets): one transmission (forsendelse) from our data sender to Nets, holding assignments
 * (oppdrag) of claims to debit and of claims to withdraw before their due date.
 *
 * @param dataSender our customer unit id at Nets (kundeenhet-ID), 8 digits
 * @param transmissionNumber our number for the transmission, 1–9 999 999
 */
public record ClaimFile(String dataSender, int transmissionNumber, List<Assignment> assignments) {

    public ClaimFile {
        assignments = List.copyOf(assignments);
    }

    /**
     * @param assignmentNumber our number for the assignment, 1–9 999 999, unique for 12 months and a day
     * @param payeeAccount the account the claims are credited to (oppdragskonto), 11 digits
     */
    public record Assignment(AssignmentType type, int assignmentNumber, String payeeAccount, List<Claim> claims) {

        public Assignment {
            claims = List.copyOf(claims);
        }

        public static Assignment claims(int assignmentNumber, String payeeAccount, List<Claim> claims) {
            return new Assignment(AssignmentType.CLAIMS, assignmentNumber, payeeAccount, claims);
        }

        /** Withdraws claims sent earlier; each item repeats the claim's due date, amount and KID, without notice. */
        public static Assignment deletions(int assignmentNumber, String payeeAccount, List<Claim> claims) {
            return new Assignment(AssignmentType.DELETIONS, assignmentNumber, payeeAccount, claims);
        }
    }

    /** Oppdragstype, positions 5–6 of the assignment's start and end records. */
    public enum AssignmentType {

        /** Claims to debit (betalingskrav); items of transaction type 02 or 21. */
        CLAIMS("00"),
        /** Claims to withdraw (sletteanmodninger); items of transaction type 93. */
        DELETIONS("36");

        private final String code;

        AssignmentType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
