package no.kraft.cis.rule;

/**
 * One broken rule in a request: which field, which rule (a stable code clients can switch on), and a human message.
 *
 * @param field JSON path of the offending field, e.g. {@code deliveries[1].meteringPointId}; {@code null} for the whole request
 * @param rule stable rule code, e.g. {@code meteringPointId.checkDigit}
 * @param message explanation for a person
 */
public record Violation(String field, String rule, String message) {
}
