package no.kraft.cis.receivables;

import no.kraft.cis.period.Period;

/** A segment's dunning policy for a period; {@code segmentId == null} is the default policy. */
public record DatedDunningPolicy(Integer segmentId, Period validity, DunningPolicy policy) {
}
