package no.kraft.cis.delivery.avtalegiro;

import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.ACCOUNT;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.DATA_SENDER;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.TODAY;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.berg;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.claimFile;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.hansen;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import no.kraft.cis.invoice.Kid;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.rule.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimFileWriterTest {

    /*
     * One assignment with a claim we notify (02) and one the bank notifies (21) with two notice lines:
     *   claim 1: 124 950 øre due 20.01.27, records 30 + 31                    = 2 records
     *   claim 2:  89 900 øre due 25.01.27, records 30 + 31 + 2 lines × 2 columns = 6 records
     *   assignment end: 2 transactions; 1 start + 2 + 6 + 1 end = 10 records; 124 950 + 89 900 = 214 850 øre;
     *                   first due 200127, last 250127
     *   transmission end: 2 transactions; 1 + 10 + 1 = 12 records; 214 850 øre; first due 200127
     */
    static final List<String> GOLDEN = List.of(
            "NY000010123456780000017000080800000000000000000000000000000000000000000000000000",
            "NY210020000000000000000115035012343000000000000000000000000000000000000000000000",
            "NY2102300000001200127           00000000000124950        10000010000001238000000",
            "NY2102310000001HANSEN                             Faktura 123              00000",
            "NY2121300000002250127           00000000000089900        10000020000001245000000",
            "NY2121310000002BERG                               Faktura 124              00000",
            "NY212149000000240011Strøm desember 2026, Storgata 1         00000000000000000000",
            "NY212149000000240012                                        00000000000000000000",
            "NY212149000000240021Forbruk 1 234 kWh, spotpris og påslag; n00000000000000000000",
            "NY212149000000240022ettleie fra nettselskapet               00000000000000000000",
            "NY210088000000020000001000000000000214850200127250127000000000000000000000000000",
            "NY000089000000020000001200000000000214850200127000000000000000000000000000000000");

    @Test
    void aClaimWeNotifyAndAClaimTheBankNotifiesAreWrittenRecordByRecord() {
        byte[] file = ClaimFileWriter.write(claimFile(hansen(), berg()), TODAY);

        assertThat(text(file)).isEqualTo(String.join("\r\n", GOLDEN) + "\r\n");
        assertThat(GOLDEN).allSatisfy(line -> assertThat(line).hasSize(80));
        // ISO-8859-1: "ø" and "å" are one byte each, 12 × (80 + CR LF) bytes in all
        assertThat(file).hasSize(12 * 82);
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).contains("Strøm", "påslag");
    }

    @Test
    void theGoldenFileReadsBackToTheSameClaims() {
        ClaimFile written = claimFile(hansen(), berg());

        assertThat(ClaimFileReader.read(ClaimFileWriter.write(written, TODAY))).isEqualTo(written);
    }

    @Test
    void aDeletionAssignmentWithdrawsAClaimWithTransactionType93() {
        ClaimFile file = new ClaimFile(DATA_SENDER, 18, List.of(
                ClaimFile.Assignment.deletions(2, ACCOUNT, List.of(berg().withoutNotice()))));

        // 1 start + 2 items + 1 end = 4 records in the assignment, 6 in the file; 89 900 øre; due 250127
        assertThat(text(ClaimFileWriter.write(file, TODAY))).isEqualTo(String.join("\r\n",
                "NY000010123456780000018000080800000000000000000000000000000000000000000000000000",
                "NY213620000000000000000215035012343000000000000000000000000000000000000000000000",
                "NY2193300000002250127           00000000000089900        10000020000001245000000",
                "NY2193310000002BERG                               Faktura 124              00000",
                "NY213688000000010000000400000000000089900250127250127000000000000000000000000000",
                "NY000089000000010000000600000000000089900250127000000000000000000000000000000000") + "\r\n");
        assertThat(ClaimFileReader.read(ClaimFileWriter.write(file, TODAY))).isEqualTo(file);
    }

    @Test
    void claimsAndDeletionsShareOneTransmissionWhoseEndCountsBoth() {
        ClaimFile file = new ClaimFile(DATA_SENDER, 19, List.of(
                ClaimFile.Assignment.claims(3, ACCOUNT, List.of(hansen())),
                ClaimFile.Assignment.deletions(4, ACCOUNT, List.of(berg().withoutNotice()))));

        List<String> records = text(ClaimFileWriter.write(file, TODAY)).lines().toList();

        // 2 transactions; 1 + 4 + 4 + 1 = 10 records; 124 950 + 89 900 = 214 850 øre; first due date 200127
        assertThat(records.getLast())
                .isEqualTo("NY000089000000020000001000000000000214850200127000000000000000000000000000000000");
        assertThat(ClaimFileReader.read(ClaimFileWriter.write(file, TODAY))).isEqualTo(file);
    }

    /** One claim changed, the field that must be named and the rule. */
    static Stream<Arguments> badClaims() {
        Claim c = hansen();
        return Stream.of(
                Arguments.of(with(c, c.transactionNumber(), TODAY, c.amountInOre()), "dueDate", "avtaleGiro.dueDate"),
                Arguments.of(with(c, c.transactionNumber(), TODAY.plusMonths(12).plusDays(1), c.amountInOre()),
                        "dueDate", "avtaleGiro.dueDate"),
                Arguments.of(with(c, c.transactionNumber(), null, c.amountInOre()), "dueDate", "required"),
                Arguments.of(with(c, c.transactionNumber(), c.dueDate(), 0), "amountInOre", "avtaleGiro.amount"),
                Arguments.of(with(c, c.transactionNumber(), c.dueDate(), -100), "amountInOre", "avtaleGiro.amount"),
                Arguments.of(with(c, c.transactionNumber(), c.dueDate(), 100_000_000_000_000_000L), "amountInOre",
                        "avtaleGiro.amount"),
                Arguments.of(with(c, 0, c.dueDate(), c.amountInOre()), "transactionNumber", "avtaleGiro.number"),
                Arguments.of(with(c, 10_000_000, c.dueDate(), c.amountInOre()), "transactionNumber",
                        "avtaleGiro.number"),
                Arguments.of(new Claim(1, c.dueDate(), 100, new Kid("18"), "X", "", null), "kid", "avtaleGiro.kidLength"),
                Arguments.of(new Claim(1, c.dueDate(), 100, null, "X", "", null), "kid", "required"),
                Arguments.of(new Claim(1, c.dueDate(), 100, c.kid(), "HANSEN-BERG", "", null), "payerShortName",
                        "avtaleGiro.textLength"),
                Arguments.of(new Claim(1, c.dueDate(), 100, c.kid(), "ŁUKASZ", "", null), "payerShortName",
                        "avtaleGiro.charset"),
                Arguments.of(new Claim(1, c.dueDate(), 100, c.kid(), "", "Faktura 123 for desember 2026", null),
                        "externalReference", "avtaleGiro.textLength"),
                Arguments.of(new Claim(1, c.dueDate(), 100, c.kid(), "", "Faktura\t123", null), "externalReference",
                        "avtaleGiro.charset"),
                Arguments.of(new Claim(1, c.dueDate(), 100, c.kid(), "", "", BankNotice.of("Pris 1,20 €/kWh")),
                        "bankNotice.lines[0]", "avtaleGiro.charset"),
                Arguments.of(new Claim(1, c.dueDate(), 100, c.kid(), "", "", BankNotice.of("ok", "x".repeat(81))),
                        "bankNotice.lines[1]", "avtaleGiro.textLength"),
                Arguments.of(new Claim(1, c.dueDate(), 100, c.kid(), "", "",
                        new BankNotice(java.util.Collections.nCopies(43, "linje"))), "bankNotice.lines",
                        "avtaleGiro.noticeLines"));
    }

    @ParameterizedTest(name = "{1} → {2}")
    @MethodSource("badClaims")
    void aClaimThatCannotGoIntoTheFileIsRefusedNamingItsField(Claim claim, String field, String rule) {
        assertRefused(claimFile(claim), "assignments[0].claims[0]." + field, rule);
    }

    @Test
    void theFileAndAssignmentFieldsAreCheckedToo() {
        assertRefused(new ClaimFile("1234567", 17, List.of(ClaimFile.Assignment.claims(1, ACCOUNT, List.of(hansen())))),
                "dataSender", "avtaleGiro.digits");
        assertRefused(new ClaimFile(DATA_SENDER, 0, List.of(ClaimFile.Assignment.claims(1, ACCOUNT, List.of(hansen())))),
                "transmissionNumber", "avtaleGiro.number");
        assertRefused(new ClaimFile(DATA_SENDER, 17, List.of()), "assignments", "required");
        // 15035012344: the MOD11 check digit of 1503501234 is 3
        assertRefused(new ClaimFile(DATA_SENDER, 17, List.of(ClaimFile.Assignment.claims(1, "15035012344",
                List.of(hansen())))), "assignments[0].payeeAccount", "avtaleGiro.accountCheckDigit");
        assertRefused(new ClaimFile(DATA_SENDER, 17, List.of(ClaimFile.Assignment.claims(1, "1503501234",
                List.of(hansen())))), "assignments[0].payeeAccount", "avtaleGiro.digits");
        assertRefused(new ClaimFile(DATA_SENDER, 17, List.of(ClaimFile.Assignment.claims(1, ACCOUNT, List.of()))),
                "assignments[0].claims", "required");
        assertRefused(new ClaimFile(DATA_SENDER, 17, List.of(ClaimFile.Assignment.claims(1, ACCOUNT, List.of(hansen())),
                ClaimFile.Assignment.deletions(1, ACCOUNT, List.of(hansen())))),
                "assignments[1].assignmentNumber", "avtaleGiro.duplicate");
        assertRefused(claimFile(hansen(), with(berg(), 1, berg().dueDate(), 100)),
                "assignments[0].claims[1].transactionNumber", "avtaleGiro.duplicate");
        assertRefused(new ClaimFile(DATA_SENDER, 17, List.of(ClaimFile.Assignment.deletions(1, ACCOUNT, List.of(berg())))),
                "assignments[0].claims[0].bankNotice", "avtaleGiro.deletionNotice");
    }

    @Test
    void amountsThatEachFitButTogetherOverflowTheEndRecordAreRefused() {
        long most = ClaimFileValidation.MAX_ORE;   // 17 nines
        assertRefused(claimFile(with(hansen(), 1, hansen().dueDate(), most), with(berg(), 2, berg().dueDate(), 1)),
                "assignments[0].claims", "avtaleGiro.sumTooLarge");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        Claim bad = new Claim(0, TODAY, 0, null, "HANSEN-BERG", "", null);

        assertThatThrownBy(() -> ClaimFileWriter.write(claimFile(bad), TODAY))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder(
                                "assignments[0].claims[0].transactionNumber", "assignments[0].claims[0].dueDate",
                                "assignments[0].claims[0].amountInOre", "assignments[0].claims[0].kid",
                                "assignments[0].claims[0].payerShortName"));
    }

    @Test
    void theLastDayTwelveMonthsAheadIsStillAccepted() {
        Claim due = with(hansen(), 1, TODAY.plusMonths(12), 100);

        assertThat(ClaimFileReader.read(ClaimFileWriter.write(claimFile(due), TODAY)).assignments().getFirst().claims())
                .containsExactly(due);
    }

    private static Claim with(Claim claim, int transactionNumber, LocalDate dueDate, long amountInOre) {
        return new Claim(transactionNumber, dueDate, amountInOre, claim.kid(), claim.payerShortName(),
                claim.externalReference(), claim.bankNotice());
    }

    private static void assertRefused(ClaimFile file, String field, String rule) {
        assertThatThrownBy(() -> ClaimFileWriter.write(file, TODAY))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> {
                            assertThat(v.field()).isEqualTo(field);
                            assertThat(v.rule()).isEqualTo(rule);
                        }));
    }
}
