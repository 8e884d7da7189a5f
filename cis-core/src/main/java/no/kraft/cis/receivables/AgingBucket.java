package no.kraft.cis.receivables;

/**
 * How far past its due date an open amount is on the day the figures are taken (aldersfordeling). Days past due are
 * counted from the due date in force to that day: the due date itself is day 0 and is not overdue (as in the ledger,
 * a payment on the due date is on time), so the first overdue bucket — the "0–14" — holds days 1 to 14.
 */
public enum AgingBucket {
    NOT_DUE(null, 0),
    DAYS_1_14(1, 14),
    DAYS_15_30(15, 30),
    DAYS_31_60(31, 60),
    DAYS_61_90(61, 90),
    OVER_90(91, null);

    private final Integer fromDays;
    private final Integer toDays;

    AgingBucket(Integer fromDays, Integer toDays) {
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    /** The first day past due in the bucket; {@code null} for {@link #NOT_DUE} (every day up to 0). */
    public Integer fromDays() {
        return fromDays;
    }

    /** The last day past due in the bucket, inclusive; {@code null} for {@link #OVER_90}. */
    public Integer toDays() {
        return toDays;
    }

    public boolean overdue() {
        return this != NOT_DUE;
    }

    /** The bucket of an amount {@code daysPastDue} days after its due date (0 or less: not due). */
    public static AgingBucket of(long daysPastDue) {
        for (AgingBucket b : values()) {
            if (b.toDays == null || daysPastDue <= b.toDays) {
                return b;
            }
        }
        throw new AssertionError("OVER_90 takes every day");
    }
}
