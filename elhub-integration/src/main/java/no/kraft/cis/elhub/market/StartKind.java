package no.kraft.cis.elhub.market;

/** Which start-of-supply process: the BRS code goes in the message's ProcessEnergyContext. */
public enum StartKind {
    /** Leverandørskifte: the end user stays, the supplier changes. */
    CHANGE_OF_SUPPLIER("BRS-NO-101"),
    /** Innflytting: a new end user from a date ahead. */
    MOVE_IN("BRS-NO-102"),
    /** Innflytting tilbake i tid: a move-in already past. */
    MOVE_IN_BACK_IN_TIME("BRS-NO-103"),
    /** From the supplier of last resort (leveringsplikt). */
    FROM_SUPPLIER_OF_LAST_RESORT("BRS-NO-104");

    private final String brs;

    StartKind(String brs) {
        this.brs = brs;
    }

    public String brs() {
        return brs;
    }

    public static StartKind ofBrs(String brs) {
        for (StartKind k : values()) {
            if (k.brs.equals(brs)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a start-of-supply process: " + brs);
    }
}
