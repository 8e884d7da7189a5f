package no.kraft.cis.rme;

import java.math.BigDecimal;
import java.util.List;
import no.kraft.cis.billing.settlement.CompensationRuleBook;
import no.kraft.cis.billing.settlement.CompensationRules;
import no.kraft.cis.billing.settlement.NorgesprisRows;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.InvalidValueException;

/**
 * The checks a row passes before it is written; the first failing row blocks the whole file, and the error names the
 * metering point and the rule: a valid metering-point ID, covered ≤ actual, covered ≤ the monthly cap of its group, a
 * known group (one with a price code).
 */
final class RmeValidation {

    private final PriceCodes.Table codes;
    private final List<CompensationRules> rules;

    RmeValidation(PriceCodes.Table codes, List<CompensationRules> rules) {
        this.codes = codes;
        this.rules = rules;
    }

    RmeRow check(NorgesprisRows.Row row) {
        String field = "rows[" + row.meteringPointId() + "]";
        try {
            new MeteringPointId(row.meteringPointId());
        } catch (InvalidValueException e) {
            throw new ConflictException(field, "rme.meteringPointId", "metering point " + row.meteringPointId() + ": " + e.getMessage());
        }
        String code = row.endUserGroup() == null ? null : codes.codeFor(row.endUserGroup(), row.industryCode()).orElse(null);
        if (code == null) {
            throw new ConflictException(field, "rme.groupUnknown", "metering point " + row.meteringPointId() + ": end-user group "
                    + row.endUserGroup() + " has no price code");
        }
        if (row.coveredWh() > row.actualWh()) {
            throw new ConflictException(field, "rme.coveredAboveActual", "metering point " + row.meteringPointId() + ": covered "
                    + kwh(row.coveredWh()) + " kWh is more than the actual " + kwh(row.actualWh()) + " kWh");
        }
        CompensationRules r = CompensationRuleBook.on(rules, row.period().from()).orElse(rules.getLast());
        long cap = ("36".equals(row.endUserGroup()) ? r.holidayHomeCapKwh() : r.householdCapKwh()) * 1000;
        if (row.coveredWh() > cap) {
            throw new ConflictException(field, "rme.coveredAboveCap", "metering point " + row.meteringPointId() + ": covered "
                    + kwh(row.coveredWh()) + " kWh is above the monthly cap of " + kwh(cap) + " kWh");
        }
        return new RmeRow(row.meteringPointId(), row.period().from(), row.period().to(), row.endUserGroup(), row.industryCode(),
                row.amount().negate(), kwh(row.actualWh()), kwh(row.coveredWh()), code);
    }

    private static BigDecimal kwh(long wh) {
        return BigDecimal.valueOf(wh, 3);
    }
}
