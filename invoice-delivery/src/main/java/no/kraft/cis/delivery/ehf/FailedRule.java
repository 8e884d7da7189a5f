package no.kraft.cis.delivery.ehf;

/**
 * One rule of the official Peppol BIS Billing 3.0 validation that a document did not pass.
 *
 * @param ruleId the rule's id as the rule set names it ({@code BR-CO-14}, {@code PEPPOL-EN16931-R010}, {@code NO-R-001});
 *        empty for a failure of the UBL schema itself, which has no id
 * @param text the rule's message, as the rule set words it
 * @param location where in the document: the XPath the Schematron reports, or line and column for a schema failure
 */
public record FailedRule(String ruleId, Severity severity, String text, String location) {

    /** How the rule set flags it: {@code fatal} rules make the document invalid, {@code warning} rules do not. */
    public enum Severity { ERROR, WARNING, INFO }

    @Override
    public String toString() {
        return severity + " " + (ruleId.isEmpty() ? "(schema)" : ruleId) + " at " + location + ": " + text;
    }
}
