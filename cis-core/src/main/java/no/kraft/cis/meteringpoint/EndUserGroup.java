package no.kraft.cis.meteringpoint;

import no.kraft.cis.rule.InvalidValueException;

/**
 * The end-user group (sluttbrukergruppe / forbruksgruppe) registered on the metering point: 35 household, 36 cabin or
 * holiday home, any other code a business or public consumer. Decides eligibility for Norgespris and strømstøtte.
 */
public record EndUserGroup(String code) {

    public static final EndUserGroup HOUSEHOLD = new EndUserGroup("35");
    public static final EndUserGroup HOLIDAY_HOME = new EndUserGroup("36");

    public EndUserGroup {
        if (code == null || !code.strip().matches("\\d{1,3}")) {
            throw new InvalidValueException("endUserGroup.format", "must be a numeric code of 1–3 digits (35 household, 36 cabin)");
        }
        code = code.strip();
    }

    public boolean isHousehold() {
        return equals(HOUSEHOLD);
    }

    public boolean isHolidayHome() {
        return equals(HOLIDAY_HOME);
    }

    public String description() {
        return isHousehold() ? "Household" : isHolidayHome() ? "Cabin / holiday home" : "Business / other";
    }
}
