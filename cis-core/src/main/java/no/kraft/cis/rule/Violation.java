package no.kraft.cis.rule;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One broken rule in a request: which field, which rule (a stable code clients can switch on), a human message, and —
 * for a rule whose refusal turns on values worked out here (a date window) — those values by name, so a client can say
 * the refusal in its own words without reading the English message.
 *
 * @param field JSON path of the offending field, e.g. {@code deliveries[1].meteringPointId}; {@code null} for the whole request
 * @param rule stable rule code, e.g. {@code meteringPointId.checkDigit}
 * @param message explanation for a person
 * @param params the rule's named values (ISO dates as {@code yyyy-MM-dd}), sorted by name; {@code null} when it has none
 *     (then the problem+json carries no {@code params} member)
 */
public record Violation(String field, String rule, String message, Map<String, String> params) {

    public Violation {
        params = params == null || params.isEmpty() ? null : Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** A violation without named values: most rules say all there is in their code and message. */
    public Violation(String field, String rule, String message) {
        this(field, rule, message, null);
    }
}
