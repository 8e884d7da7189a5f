package no.kraft.cis.delivery.avtalegiro;

import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.file;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.replaced;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import no.kraft.cis.invoice.Kid;
import no.kraft.cis.payment.nets.NetsFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mandate list Nets sends us: the published sample (otovo/python-netsgiro's tests, ../shared/samples/ocr-giro,
 * sources in ../shared/samples/SOURCES.md; LF line ends, a final line break) read to the facts it holds, and broken
 * lists refused naming the line and the rule.
 */
class MandateFileReaderTest {

    @Test
    void theMandateListHoldsSixteenNewOrChangedMandatesOnOneAccount() {
        MandateFile file = MandateFileReader.read(sample("avtalegiro_agreements.txt"));

        assertThat(file.dataSender()).isEqualTo("00008080");   // Nets
        assertThat(file.dataRecipient()).isEqualTo("00010200");
        assertThat(file.transmissionNumber()).isEqualTo(1091949);
        assertThat(file.date()).isEqualTo(LocalDate.of(2017, 4, 19));
        assertThat(file.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.assignmentNumber()).isEqualTo(2);
            assertThat(assignment.payeeAccount()).isEqualTo("99991042764");
            List<Mandate> mandates = assignment.mandates();
            assertThat(mandates).hasSize(16);
            assertThat(mandates).extracting(Mandate::serialNumber).containsExactly(
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
            assertThat(mandates).extracting(Mandate::registrationType).containsOnly(RegistrationType.NEW_OR_CHANGED);
            assertThat(mandates.getFirst()).isEqualTo(
                    new Mandate(1, RegistrationType.NEW_OR_CHANGED, new Kid("000112000507155"), true));
            assertThat(mandates.get(1)).isEqualTo(
                    new Mandate(2, RegistrationType.NEW_OR_CHANGED, new Kid("001006300507304"), false));
            assertThat(mandates.getLast()).isEqualTo(
                    new Mandate(16, RegistrationType.NEW_OR_CHANGED, new Kid("001186100509492"), false));
            // 11 J and 5 N (serial numbers 2, 6, 7, 13, 16)
            assertThat(mandates).filteredOn(m -> !m.wantsNotice()).extracting(Mandate::serialNumber)
                    .containsExactly(2, 6, 7, 13, 16);
        });
    }

    /*
     * A mandate list with a new mandate (J) and a deleted one (N):
     *   assignment end: 2 transactions, 1 + 2 + 1 = 4 records; transmission end: 2 transactions, 6 records, sum 0
     */
    static final List<String> MANDATES = List.of(
            "NY000010000080800000123123456780000000000000000000000000000000000000000000000000",
            "NY212420000000000000000115035012343000000000000000000000000000000000000000000000",
            "NY21947000000011        10000010000001238J00000000000000000000000000000000000000",
            "NY21947000000022        10000020000001245N00000000000000000000000000000000000000",
            "NY212488000000020000000400000000000000000000000000000000000000000000000000000000",
            "NY000089000000020000000600000000000000000011226000000000000000000000000000000000");

    @Test
    void theSmallMandateListReads() {
        MandateFile file = MandateFileReader.read(file(MANDATES));

        assertThat(file.date()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(file.assignments().getFirst().mandates()).containsExactly(
                new Mandate(1, RegistrationType.NEW_OR_CHANGED, new Kid("10000010000001238"), true),
                new Mandate(2, RegistrationType.DELETED, new Kid("10000020000001245"), false));
    }

    static Stream<Arguments> brokenMandateLists() {
        return Stream.of(
                // 3 transactions stated, 2 mandates in the assignment
                Arguments.of(5, "NY212488000000030000000400000000000000000000000000000000000000000000000000000000",
                        "avtaleGiro.recordCount"),
                // 5 records stated, the assignment has 4
                Arguments.of(5, "NY212488000000020000000500000000000000000000000000000000000000000000000000000000",
                        "avtaleGiro.recordCount"),
                // 7 records stated, the file has 6
                Arguments.of(6, "NY000089000000020000000700000000000000000011226000000000000000000000000000000000",
                        "avtaleGiro.recordCount"),
                // a sum of 1 øre in a list of mandates, which carry no amounts
                Arguments.of(6, "NY000089000000020000000600000000000000001011226000000000000000000000000000000000",
                        "avtaleGiro.controlSum"),
                // cut inside the serial number (9–15), which cannot have been trailing spaces
                Arguments.of(3, MANDATES.get(2).substring(0, 12), "avtaleGiro.lineLength"),
                // 81 characters
                Arguments.of(3, MANDATES.get(2) + "0", "avtaleGiro.lineLength"),
                // registration type 3 does not exist
                Arguments.of(3, MANDATES.get(2).replace("00000011 ", "00000013 "), "avtaleGiro.format"),
                // written notice neither J nor N
                Arguments.of(4, MANDATES.get(3).replace("245N", "245X"), "avtaleGiro.format"),
                // the KID's MOD10 check digit is wrong (…1245 → …1246)
                Arguments.of(4, MANDATES.get(3).replace("245N", "246N"), "avtaleGiro.kid"),
                // a claim record inside a mandate list
                Arguments.of(3, "NY2102300000001200127           00000000000124950        10000010000001238000000",
                        "avtaleGiro.format"));
    }

    @ParameterizedTest(name = "line {0} → {2}")
    @MethodSource("brokenMandateLists")
    void aBrokenMandateListIsRefusedNamingItsLine(int line, String replacement, String rule) {
        assertRefused(replaced(MANDATES, line, replacement), line, rule);
    }

    private static void assertRefused(byte[] file, int line, String rule) {
        assertThatThrownBy(() -> MandateFileReader.read(file))
                .isInstanceOfSatisfying(NetsFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.getMessage()).startsWith("line " + line + ": ");
                });
    }
}
