package no.kraft.cis.delivery.avtalegiro;

import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.file;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.replaced;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.kraft.cis.payment.nets.NetsFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Claim files read back: the published sample (otovo/python-netsgiro's tests, ../shared/samples/ocr-giro; LF line
 * ends, a final line break) read to the facts it holds, and tampered copies of the writer's golden file refused naming
 * the line and the rule.
 */
class ClaimFileReaderTest {

    @Test
    void theClaimFileHoldsSixClaimsOfOneKroneFiveWithBankNoticeThreeWithText() {
        ClaimFile file = ClaimFileReader.read(sample("avtalegiro_payment_request.txt"));

        assertThat(file.dataSender()).isEqualTo("55555555");
        assertThat(file.transmissionNumber()).isEqualTo(1000081);
        assertThat(file.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.type()).isEqualTo(ClaimFile.AssignmentType.CLAIMS);
            assertThat(assignment.assignmentNumber()).isEqualTo(4000086);
            assertThat(assignment.payeeAccount()).isEqualTo("88888888888");
            List<Claim> claims = assignment.claims();
            assertThat(claims).extracting(Claim::transactionNumber).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(claims).extracting(Claim::dueDate).containsOnly(LocalDate.of(2004, 6, 17));
            assertThat(claims).extracting(Claim::amountInOre).containsOnly(100L);
            assertThat(claims).extracting(Claim::payerShortName).containsOnly("NAVN");
            assertThat(claims).extracting(Claim::externalReference).containsOnly("");
            assertThat(claims).extracting(c -> c.kid().value()).containsExactly("008000011688373", "008000021688389",
                    "008000031688395", "008000041688401", "008000051688416", "008000061688422");

            // one notice line of two columns: "Gjelder Faktura" in column 1, "ForfallsDato" in column 2
            assertThat(claims.getFirst().bankNotice()).isEqualTo(BankNotice.of(
                    " Gjelder Faktura: 168837  Dato: 19/03/04                  ForfallsDato: 17/06/04"));
            assertThat(claims.get(1).bankNotice().lines()).singleElement().asString().contains("168838");
            // transaction type 21 without specification records: the bank's notice, no text of ours
            assertThat(claims.get(2).bankNotice()).isEqualTo(BankNotice.of());
            assertThat(claims.get(3).bankNotice()).isEqualTo(BankNotice.of());
            assertThat(claims.get(4).bankNotice().lines()).singleElement().asString().contains("168841");
            // transaction type 02: we notify
            assertThat(claims.getLast().bankNotice()).isNull();
        });
    }

    static Stream<Arguments> brokenClaimFiles() {
        List<String> golden = ClaimFileWriterTest.GOLDEN;
        return Stream.of(
                // assignment end: 11 records stated, the assignment has 10
                Arguments.of(11, "NY210088000000020000001100000000000214850200127250127000000000000000000000000000",
                        "avtaleGiro.recordCount"),
                // assignment end: 3 transactions stated, 2 claims
                Arguments.of(11, "NY210088000000030000001000000000000214850200127250127000000000000000000000000000",
                        "avtaleGiro.recordCount"),
                // assignment end: 214 851 øre stated, 124 950 + 89 900 = 214 850
                Arguments.of(11, "NY210088000000020000001000000000000214851200127250127000000000000000000000000000",
                        "avtaleGiro.controlSum"),
                // assignment end: last due date 240127, the claims' last is 250127
                Arguments.of(11, "NY210088000000020000001000000000000214850200127240127000000000000000000000000000",
                        "avtaleGiro.controlDate"),
                // transmission end: 13 records stated, the file has 12
                Arguments.of(12, "NY000089000000020000001300000000000214850200127000000000000000000000000000000000",
                        "avtaleGiro.recordCount"),
                // transmission end: 214 800 øre stated
                Arguments.of(12, "NY000089000000020000001200000000000214800200127000000000000000000000000000000000",
                        "avtaleGiro.controlSum"),
                // transmission end: first due date 250127, the first claim is due 200127
                Arguments.of(12, "NY000089000000020000001200000000000214850250127000000000000000000000000000000000",
                        "avtaleGiro.controlDate"),
                // 40 characters: amount item 1 of claim 2 cut inside its amount (33–49), which cannot be trailing spaces
                Arguments.of(5, golden.get(4).substring(0, 40), "avtaleGiro.lineLength"),
                // 81 characters
                Arguments.of(5, golden.get(4) + "0", "avtaleGiro.lineLength"),
                // amount item 2 of transaction 3 after amount item 1 of transaction 2
                Arguments.of(6, golden.get(5).replace("NY2121310000002", "NY2121310000003"), "avtaleGiro.format"),
                // 31 February
                Arguments.of(3, golden.get(2).replace("200127", "310227"), "avtaleGiro.format"),
                // letters in the amount
                Arguments.of(3, golden.get(2).replace("124950", "12495O"), "avtaleGiro.format"),
                // a deletion item (93) in an assignment of claims
                Arguments.of(3, golden.get(2).replace("NY210230", "NY219330"), "avtaleGiro.format"),
                // line 1 column 1 again, after line 2 column 1
                Arguments.of(10, golden.get(9).replace("240022", "240011"), "avtaleGiro.format"),
                // data recipient is not Nets
                Arguments.of(1, golden.getFirst().replace("00008080", "00008081"), "avtaleGiro.format"),
                // format code
                Arguments.of(4, "XY" + golden.get(3).substring(2), "avtaleGiro.format"));
    }

    @ParameterizedTest(name = "line {0} → {2}")
    @MethodSource("brokenClaimFiles")
    void aBrokenClaimFileIsRefusedNamingItsLine(int line, String replacement, String rule) {
        assertRefused(replaced(ClaimFileWriterTest.GOLDEN, line, replacement), line, rule);
    }

    @Test
    void aClaimFileWithoutItsTransmissionEndIsRefusedAtTheLineAfterItsLast() {
        assertRefused(file(ClaimFileWriterTest.GOLDEN.subList(0, 11)), 12, "avtaleGiro.format");
    }

    @Test
    void nothingMayFollowTheTransmissionEnd() {
        List<String> records = new ArrayList<>(ClaimFileWriterTest.GOLDEN);
        records.add(records.getFirst());

        assertRefused(file(records), 13, "avtaleGiro.format");
    }

    @Test
    void aLineWithoutItsTrailingFillerReadsAsTheSameLineWithABlankFiller() {
        // amount item 1 of claim 2 without its filler (75–80): the reader never reads a filler, so a missing one is
        // blank like one written blank; the KID before it is on the line
        List<String> records = new ArrayList<>(ClaimFileWriterTest.GOLDEN);
        records.set(4, records.get(4).substring(0, 74));

        assertThat(ClaimFileReader.read(file(records))).isEqualTo(ClaimFileReader.read(file(ClaimFileWriterTest.GOLDEN)));
    }

    @Test
    void blankLinesBetweenRecordsAreNoRecordsButCountAsLines() {
        List<String> records = new ArrayList<>(ClaimFileWriterTest.GOLDEN);
        records.add(4, "   ");
        records.set(12, "NY000089000000020000001200000000000214850250127000000000000000000000000000000000");

        // the broken transmission end is reported at its line in the file, 13, the blank line counted
        assertRefused(file(records), 13, "avtaleGiro.controlDate");
    }

    @Test
    void lfLineEndsAndNoFinalLineBreakAreReadToo() {
        byte[] lf = String.join("\n", ClaimFileWriterTest.GOLDEN).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(ClaimFileReader.read(lf)).isEqualTo(AvtaleGiroTestData.claimFile(
                AvtaleGiroTestData.hansen(), AvtaleGiroTestData.berg()));
    }

    private static void assertRefused(byte[] file, int line, String rule) {
        assertThatThrownBy(() -> ClaimFileReader.read(file))
                .isInstanceOfSatisfying(NetsFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.getMessage()).startsWith("line " + line + ": ");
                });
    }
}
