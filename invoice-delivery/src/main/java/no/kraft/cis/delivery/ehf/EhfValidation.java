package no.kraft.cis.delivery.ehf;

import java.util.List;

/**
 * The outcome of validating one document with the official rules: the rule set used and every rule that failed.
 * Errors make it invalid; warnings are reported but do not stop the document.
 *
 * @param ruleSet the validation executor set (VES) id with its version, e.g. {@code eu.peppol.bis3:invoice:2025.11}
 */
public record EhfValidation(String ruleSet, List<FailedRule> failures) {

    public EhfValidation {
        failures = List.copyOf(failures);
    }

    /** No rule of severity error failed: the document may be sent. */
    public boolean valid() {
        return errors().isEmpty();
    }

    public List<FailedRule> errors() {
        return failures.stream().filter(f -> f.severity() == FailedRule.Severity.ERROR).toList();
    }

    public List<FailedRule> warnings() {
        return failures.stream().filter(f -> f.severity() == FailedRule.Severity.WARNING).toList();
    }

    /** The ids of the failed rules, in the order reported (a rule failing at several places repeats). */
    public List<String> failedRuleIds() {
        return failures.stream().map(FailedRule::ruleId).toList();
    }
}
