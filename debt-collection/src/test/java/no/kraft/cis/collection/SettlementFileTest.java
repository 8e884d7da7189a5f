package no.kraft.cis.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.rule.Violation;
import org.junit.jupiter.api.Test;

class SettlementFileTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGoodFileIsRead() {
        SettlementFile f = SettlementFile.read(bytes("""
                {"fileId":"AG-1","agency":"Kredinor","createdOn":"2026-04-01","lines":[
                 {"invoiceNumber":100042,"agencyReference":"AG-000001","principalPaid":1180,"paidOn":"2026-03-30","status":"CLOSED"},
                 {"invoiceNumber":100043,"agencyReference":"AG-000002","principalPaid":0.00,"paidOn":"2026-03-31","status":"WRITTEN_OFF"}]}"""));
        assertThat(f.fileId()).isEqualTo("AG-1");
        assertThat(f.lines()).hasSize(2);
        assertThat(f.lines().getFirst().principalPaid().toPlainString()).isEqualTo("1180.00");
        assertThat(f.lines().get(1).number()).isEqualTo(2);
        assertThat(f.lines().get(1).status()).isEqualTo(SettlementFile.Status.WRITTEN_OFF);
    }

    @Test
    void everyBrokenRuleIsNamedAtOnceWithItsLineAndField() {
        assertThatThrownBy(() -> SettlementFile.read(bytes("""
                {"fileId":"","agency":"Kredinor","createdOn":"2026-13-01","sender":"x","lines":[
                 {"invoiceNumber":"100042","agencyReference":"AG-1","principalPaid":1.001,"paidOn":"2026-03-30","status":"CLOSED"},
                 {"invoiceNumber":100043,"agencyReference":"AG-2","principalPaid":"12","paidOn":"2026-03-31","status":"OPEN"},
                 {"invoiceNumber":100043,"principalPaid":0,"paidOn":"31.03.2026","status":"OPEN"}]}""")))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .contains(org.assertj.core.groups.Tuple.tuple("fileId", "required"),
                                org.assertj.core.groups.Tuple.tuple("createdOn", "date.format"),
                                org.assertj.core.groups.Tuple.tuple("sender", "field.unknown"),
                                org.assertj.core.groups.Tuple.tuple("lines[0].invoiceNumber", "invoiceNumber.format"),
                                org.assertj.core.groups.Tuple.tuple("lines[0].principalPaid", "amount.ore"),
                                org.assertj.core.groups.Tuple.tuple("lines[1].principalPaid", "amount.format"),
                                org.assertj.core.groups.Tuple.tuple("lines[2].invoiceNumber", "settlement.duplicateLine"),
                                org.assertj.core.groups.Tuple.tuple("lines[2].agencyReference", "required"),
                                org.assertj.core.groups.Tuple.tuple("lines[2].paidOn", "date.format"),
                                org.assertj.core.groups.Tuple.tuple("lines[2].principalPaid", "settlement.emptyLine")));
        assertThatThrownBy(() -> SettlementFile.read(bytes("not json"))).isInstanceOfSatisfying(ValidationFailedException.class,
                e -> assertThat(e.violations().getFirst().rule()).isEqualTo("json.malformed"));
        assertThatThrownBy(() -> SettlementFile.read(bytes("{\"fileId\":\"A\",\"agency\":\"B\",\"createdOn\":\"2026-01-01\",\"lines\":[]}")))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo("settlement.noLines"));
    }
}
