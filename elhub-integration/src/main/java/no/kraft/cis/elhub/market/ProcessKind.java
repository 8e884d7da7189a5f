package no.kraft.cis.elhub.market;

/**
 * Which supply process we run in Elhub: a start (BRS-NO-101 to 104) or an end (201, 202) of our supply. The BRS code goes
 * in the message's ProcessEnergyContext.
 */
public enum ProcessKind {
    /** Leverandørskifte: the end user stays, the supplier changes. */
    CHANGE_OF_SUPPLIER("BRS-NO-101"),
    /** Innflytting: a new end user from a date ahead. */
    MOVE_IN("BRS-NO-102"),
    /** Innflytting tilbake i tid: a move-in already past. */
    MOVE_IN_BACK_IN_TIME("BRS-NO-103"),
    /** From the supplier of last resort (leveringsplikt). */
    FROM_SUPPLIER_OF_LAST_RESORT("BRS-NO-104"),
    /** Utflytting: the end user moves out; the final invoice goes to the new address the request carries. */
    MOVE_OUT("BRS-NO-201"),
    /** Opphør: we end the contract (expiry, the customer's default); Elhub hands the point to the supplier of last resort. */
    TERMINATION("BRS-NO-202");

    private final String brs;

    ProcessKind(String brs) {
        this.brs = brs;
    }

    public String brs() {
        return brs;
    }

    /** An end of our supply (RequestEndOfSupply), not a start. */
    public boolean ending() {
        return this == MOVE_OUT || this == TERMINATION;
    }

    public static ProcessKind ofBrs(String brs) {
        for (ProcessKind k : values()) {
            if (k.brs.equals(brs)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a supply process: " + brs);
    }
}
