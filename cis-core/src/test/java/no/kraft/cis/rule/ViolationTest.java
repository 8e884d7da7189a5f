package no.kraft.cis.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViolationTest {

    @Test
    void mostRulesHaveNoParams() {
        assertThat(new Violation("endDate", "endDate.required", "the end date is required").params()).isNull();
        assertThat(new Violation("endDate", "endDate.required", "the end date is required", Map.of()).params()).isNull();
    }

    @Test
    void aRefusalsDatesAreKeptByNameSortedAndUnchangeable() {
        Map<String, String> given = new HashMap<>(Map.of("sendBy", "2026-03-14", "endDate", "2026-03-15", "earliest", "2026-03-16"));
        Violation v = new Violation("endDate", "supplyEnd.sendWindow", "too late", given);
        given.put("endDate", "2026-04-01");
        assertThat(v.params()).containsExactly(Map.entry("earliest", "2026-03-16"), Map.entry("endDate", "2026-03-15"),
                Map.entry("sendBy", "2026-03-14"));
        assertThatThrownBy(() -> v.params().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fieldValidationCarriesTheParamsToTheException() {
        FieldValidation check = new FieldValidation();
        check.reject("startDate", "supplyStart.inThePast", "starts today or later", Map.of("startDate", "2026-03-01", "earliest", "2026-03-15"));
        check.reject("kind", "supplyStart.kind", "not a start");
        assertThatThrownBy(check::throwIfInvalid).isInstanceOfSatisfying(ValidationFailedException.class, e -> {
            List<Violation> violations = e.violations();
            assertThat(violations.get(0).params()).containsEntry("earliest", "2026-03-15").containsEntry("startDate", "2026-03-01");
            assertThat(violations.get(1).params()).isNull();
        });
    }
}
