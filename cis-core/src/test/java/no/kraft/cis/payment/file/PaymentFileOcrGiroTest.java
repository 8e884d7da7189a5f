package no.kraft.cis.payment.file;

import static no.kraft.cis.payment.file.OcrRecords.ACCOUNT;
import static no.kraft.cis.payment.file.OcrRecords.amountItem1;
import static no.kraft.cis.payment.file.OcrRecords.amountItem2;
import static no.kraft.cis.payment.file.OcrRecords.amountItem3;
import static no.kraft.cis.payment.file.OcrRecords.assignmentEnd;
import static no.kraft.cis.payment.file.OcrRecords.assignmentStart;
import static no.kraft.cis.payment.file.OcrRecords.file;
import static no.kraft.cis.payment.file.OcrRecords.transmissionEnd;
import static no.kraft.cis.payment.file.OcrRecords.transmissionStart;
import static no.kraft.cis.payment.file.OcrRecords.zeros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentFileOcrGiroTest {

    /*
     * Two assignments on one transmission, 13 records:
     *   assignment 0000001 (lines 2–7): 124 950 + 89 900 = 214 850 øre in 2 transactions, 1 + 2×2 + 1 = 6 records
     *   assignment 0000002 (lines 8–12): 45 900 øre in 1 transaction with an amount item 3, 1 + 3 + 1 = 5 records
     *   transmission: 214 850 + 45 900 = 260 750 øre in 3 transactions, 1 + 6 + 5 + 1 = 13 records
     */
    static List<String> twoAssignments() {
        return List.of(
                transmissionStart("00008080", "0000017"),
                assignmentStart("0000001", ACCOUNT),
                amountItem1("16", 1, "060325", '0', 124_950, "10000010000001238"),
                amountItem2("16", 1, "050325", "12540512343"),
                amountItem1("10", 2, "060325", '0', 89_900, ""),
                amountItem2("10", 2, "000000", "00000000000"),
                assignmentEnd(2, 6, 214_850, "060325"),
                assignmentStart("0000002", ACCOUNT),
                amountItem1("21", 1, "070325", '0', 45_900, ""),
                amountItem2("21", 1, "060325", "30001203459"),
                amountItem3("21", 1, "Strøm februar, kundenr 1000004"),
                assignmentEnd(1, 5, 45_900, "070325"),
                transmissionEnd(3, 13, 260_750, "070325"));
    }

    @Test
    void readsTwoAssignmentsWithAndWithoutKid() {
        PaymentFile file = PaymentFileReader.read(file(twoAssignments()));

        assertThat(file.format()).isEqualTo(PaymentFileFormat.OCR_GIRO);
        assertThat(file.messageId()).isEqualTo("OCR-00008080-0000017");
        assertThat(file.creditAccount()).isEqualTo(ACCOUNT);
        assertThat(file.payments()).containsExactly(
                // paid 5 March, settled (nets date) 6 March
                new IncomingPayment("OCR-0000001-0000001-20250306", LocalDate.of(2025, 3, 5), new BigDecimal("1249.50"),
                        "10000010000001238", null, "12540512343"),
                // no KID; payment date 000000 → the nets date; debit account all zeros → unknown
                new IncomingPayment("OCR-0000001-0000002-20250306", LocalDate.of(2025, 3, 6), new BigDecimal("899.00"),
                        null, null, null),
                // amount item 3's free text is read past
                new IncomingPayment("OCR-0000002-0000001-20250307", LocalDate.of(2025, 3, 6), new BigDecimal("459.00"),
                        null, null, "30001203459"));
        assertThat(file.payments()).allSatisfy(p -> assertThat(p.amount().scale()).isEqualTo(2));
        assertThat(file.total()).isEqualByComparingTo("2607.50");   // 260 750 øre
    }

    @Test
    void aMinusSignMakesTheAmountNegativeAndCountsNegativeInTheSums() {
        // a reversal (type 18) of 500.00 against a payment of 1 500.00: net 150 000 − 50 000 = 100 000 øre
        List<String> records = List.of(
                transmissionStart("00008080", "0000018"),
                assignmentStart("0000003", ACCOUNT),
                amountItem1("16", 1, "100325", '0', 150_000, "10000010000001238"),
                amountItem2("16", 1, "090325", "12540512343"),
                amountItem1("18", 2, "100325", '-', 50_000, "10000010000001238"),
                amountItem2("18", 2, "100325", "12540512343"),
                assignmentEnd(2, 6, 100_000, "100325"),
                transmissionEnd(2, 8, 100_000, "100325"));

        PaymentFile file = PaymentFileReader.read(file(records));

        assertThat(file.payments()).extracting(IncomingPayment::amount)
                .containsExactly(new BigDecimal("1500.00"), new BigDecimal("-500.00"));
        assertThat(file.total()).isEqualByComparingTo("1000.00");
    }

    @Test
    void recordsWithTheirTrailingSpacesTrimmedArePaddedTo80() {
        // item 1 without KID ends in 31 blanks (KID, card issuer, 77–80 as spaces): trimmed to 49 characters;
        // item 2 with a blank filler (59–80) trimmed to 58; lines end in LF only; one line carries spaces past 80
        String item1 = amountItem1("10", 1, "060325", '0', 25_000, "").substring(0, 74) + " ".repeat(6);
        String item2 = amountItem2("10", 1, "050325", "12540512343").substring(0, 58) + " ".repeat(22);
        String text = String.join("\n",
                transmissionStart("00008080", "0000019") + "   ",
                assignmentStart("0000004", ACCOUNT),
                item1.stripTrailing(),
                item2.stripTrailing(),
                assignmentEnd(1, 4, 25_000, "060325"),
                transmissionEnd(1, 6, 25_000, "060325"));
        assertThat(item1.stripTrailing()).hasSize(49);
        assertThat(item2.stripTrailing()).hasSize(58);

        PaymentFile file = PaymentFileReader.read(text.getBytes(StandardCharsets.US_ASCII));

        assertThat(file.payments()).containsExactly(new IncomingPayment("OCR-0000004-0000001-20250306",
                LocalDate.of(2025, 3, 5), new BigDecimal("250.00"), null, null, "12540512343"));
    }

    @Test
    void aRecordLongerThan80IsRejected() {
        List<String> records = new ArrayList<>(twoAssignments());
        records.set(2, records.get(2) + "9");

        assertRejected(records, "paymentFile.lineLength", "line 3");
    }

    @Test
    void aRecordCutInsideANumericFieldIsRejectedNamingTheField() {
        // amount item 2 of transaction 1 cut inside its payment date (42–47): "0503" is there, "25" is not, and a
        // date cannot have been trailing spaces
        List<String> records = new ArrayList<>(twoAssignments());
        records.set(3, records.get(3).substring(0, 45));

        assertRejected(records, "paymentFile.lineLength", "line 4");
        assertThatThrownBy(() -> PaymentFileReader.read(file(records)))
                .hasMessageContaining("payment date (positions 42–47)").hasMessageContaining("the line has 45 characters");
    }

    /** One record of {@link #twoAssignments()} replaced: the line (1-based) and the rule that must catch it. */
    static Stream<Arguments> tamperedFiles() {
        return Stream.of(
                // assignment 1 states one øre too much: 214 851 ≠ 124 950 + 89 900
                Arguments.of(7, assignmentEnd(2, 6, 214_851, "060325"), "paymentFile.controlSum"),
                // the transmission states 260 700, the assignments add up to 260 750
                Arguments.of(13, transmissionEnd(3, 13, 260_700, "070325"), "paymentFile.controlSum"),
                Arguments.of(7, assignmentEnd(3, 6, 214_850, "060325"), "paymentFile.recordCount"),   // 2 transactions
                Arguments.of(7, assignmentEnd(2, 7, 214_850, "060325"), "paymentFile.recordCount"),   // 6 records
                Arguments.of(13, transmissionEnd(4, 13, 260_750, "070325"), "paymentFile.recordCount"), // 3 transactions
                Arguments.of(13, transmissionEnd(3, 12, 260_750, "070325"), "paymentFile.recordCount"), // 13 records
                // record type 99 does not exist
                Arguments.of(5, "NY091099" + zeros(72), "paymentFile.format"),
                // amount item 1 where amount item 2 of transaction 1 belongs
                Arguments.of(4, amountItem1("16", 1, "060325", '0', 124_950, "10000010000001238"), "paymentFile.format"),
                // amount item 2 of another transaction (2, not 1)
                Arguments.of(4, amountItem2("16", 2, "050325", "12540512343"), "paymentFile.format"),
                // amount item 2 of another transaction type (10, not 16)
                Arguments.of(4, amountItem2("10", 1, "050325", "12540512343"), "paymentFile.format"),
                // 31 February
                Arguments.of(3, amountItem1("16", 1, "310225", '0', 124_950, "10000010000001238"), "paymentFile.format"),
                // a sign that is neither "-" nor "0"
                Arguments.of(3, amountItem1("16", 1, "060325", '+', 124_950, "10000010000001238"), "paymentFile.format"),
                // letters in the amount
                Arguments.of(5, amountItem1("10", 2, "060325", '0', 89_900, "").replace("0089900", "00899OO"),
                        "paymentFile.format"),
                // an AvtaleGiro (service 21) assignment inside an OCR giro transmission
                Arguments.of(8, "NY210020" + zeros(72), "paymentFile.format"),
                // format code other than NY
                Arguments.of(9, "XY" + amountItem1("21", 1, "070325", '0', 45_900, "").substring(2), "paymentFile.format"),
                // the second assignment credits another account
                Arguments.of(8, assignmentStart("0000002", "12540512343"), "paymentFile.creditAccount"));
    }

    @ParameterizedTest(name = "line {0} → {2}")
    @MethodSource("tamperedFiles")
    void tamperedRecordsAreRejectedNamingTheirLine(int line, String replacement, String rule) {
        List<String> records = new ArrayList<>(twoAssignments());
        records.set(line - 1, replacement);

        assertRejected(records, rule, "line " + line);
    }

    @Test
    void theSameTransactionNumberTwiceGivesADuplicateBankReference() {
        // transaction 1 twice (items 1 and 2 both say 1): 2 × 10 000 = 20 000 øre
        List<String> records = List.of(
                transmissionStart("00008080", "0000020"),
                assignmentStart("0000005", ACCOUNT),
                amountItem1("10", 1, "060325", '0', 10_000, ""),
                amountItem2("10", 1, "050325", "12540512343"),
                amountItem1("10", 1, "060325", '0', 10_000, ""),
                amountItem2("10", 1, "050325", "12540512343"),
                assignmentEnd(2, 6, 20_000, "060325"),
                transmissionEnd(2, 8, 20_000, "060325"));

        assertThatThrownBy(() -> PaymentFileReader.read(file(records)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.rule()).isEqualTo("paymentFile.duplicateReference");
                    assertThat(e.getMessage()).contains("OCR-0000005-0000001-20250306");
                });
    }

    @Test
    void aFileWithoutItsTransmissionEndIsRejected() {
        List<String> records = twoAssignments().subList(0, 12);

        assertRejected(records, "paymentFile.format", "without its transmission end");
    }

    @Test
    void nothingMayFollowTheTransmissionEnd() {
        List<String> records = new ArrayList<>(twoAssignments());
        records.add(transmissionStart("00008080", "0000021"));

        assertRejected(records, "paymentFile.format", "line 14");
    }

    /** Any amounts, end records computed from them: the file reads, and its total is the sum of the amounts. */
    @Property(tries = 200)
    void consistentEndRecordsAreAcceptedAndTheTotalIsTheirSum(
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 9_999_999_999L) Long> amounts) {
        long sum = amounts.stream().mapToLong(Long::longValue).sum();

        PaymentFile file = PaymentFileReader.read(file(oneAssignment(amounts, sum)));

        assertThat(file.payments()).hasSize(amounts.size());
        assertThat(file.total()).isEqualTo(BigDecimal.valueOf(sum, 2));
    }

    /** An assignment sum off by any number of øre is caught. */
    @Property(tries = 200)
    void anyWrongAssignmentSumIsRejected(
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 9_999_999_999L) Long> amounts,
            @ForAll @LongRange(min = 1, max = 9_999_999_999L) long error) {
        long sum = amounts.stream().mapToLong(Long::longValue).sum();
        List<String> records = oneAssignment(amounts, sum);
        records.set(records.size() - 2, assignmentEnd(amounts.size(), 2 * amounts.size() + 2, sum + error, "060325"));

        assertRejected(records, "paymentFile.controlSum", "line " + (records.size() - 1));
    }

    private static List<String> oneAssignment(List<Long> amounts, long sum) {
        List<String> records = new ArrayList<>();
        records.add(transmissionStart("00008080", "0000099"));
        records.add(assignmentStart("0000099", ACCOUNT));
        for (int i = 0; i < amounts.size(); i++) {
            records.add(amountItem1("16", i + 1, "060325", '0', amounts.get(i), "10000010000001238"));
            records.add(amountItem2("16", i + 1, "050325", "12540512343"));
        }
        records.add(assignmentEnd(amounts.size(), 2 * amounts.size() + 2, sum, "060325"));
        records.add(transmissionEnd(amounts.size(), 2 * amounts.size() + 4, sum, "060325"));
        return records;
    }

    private static void assertRejected(List<String> records, String rule, String messagePart) {
        assertThatThrownBy(() -> PaymentFileReader.read(file(records)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}
