package no.kraft.cis.meteringpoint;

import no.kraft.cis.rule.InvalidValueException;

/**
 * An industry code (næringskode) in SSB's standard for industrial classification, NACE-based: division {@code 68},
 * group {@code 68.2}, class {@code 68.20} or subclass {@code 68.201}. Which codes exist depends on the date:
 * see {@link IndustryCodeList}. Written without the dot ({@code 68201}) it is normalised.
 */
public record IndustryCode(String code) {

    public IndustryCode {
        if (code == null) {
            throw new InvalidValueException("industryCode.format", "must look like 68.201");
        }
        code = code.strip();
        if (code.matches("\\d{3,5}")) {
            code = code.substring(0, 2) + "." + code.substring(2);
        }
        if (!code.matches("\\d{2}(\\.\\d{1,3})?")) {
            throw new InvalidValueException("industryCode.format", "must look like 68.201 (NACE division, group, class or subclass)");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
