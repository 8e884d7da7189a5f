package no.kraft.cis.payment.nets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The record mechanics both Nets readers share: the line-length rule, the fields, writing and reading back. */
class NetsRecordTest {

    /** An OCR giro amount item 1 without KID (blank 50–76) whose filler 77–80 someone wrote as blanks. */
    static final String AMOUNT_ITEM_1 = "NY09103000000012403040124112345000000000000044000" + " ".repeat(31);

    @Test
    void aLineWhoseTrailingSpacesWereTrimmedIsPaddedAndReadsAsWritten() {
        NetsRecord record = NetsRecord.of(7, AMOUNT_ITEM_1.stripTrailing(), "test");

        assertThat(record.length()).isEqualTo(49);
        assertThat(record.text()).isEqualTo(AMOUNT_ITEM_1).hasSize(80);
        assertThat(record.code()).isEqualTo("NY091030");
        assertThat(record.number(33, 49, "amount")).isEqualTo(44_000);
        assertThat(record.text(50, 74)).isEmpty();
    }

    @Test
    void spacesPastPosition80AreTrailingSpacesToo() {
        assertThat(NetsRecord.of(1, AMOUNT_ITEM_1 + "   ", "test").text()).isEqualTo(AMOUNT_ITEM_1);
    }

    @Test
    void aLineLongerThan80IsRefusedNamingItsLineAndTheRule() {
        assertThatThrownBy(() -> NetsRecord.of(12, AMOUNT_ITEM_1.substring(0, 79) + "9X", "test"))
                .isInstanceOfSatisfying(NetsFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(12);
                    assertThat(e.rule()).isEqualTo("test.lineLength");
                    assertThat(e.getMessage()).startsWith("line 12: ").contains("81");
                });
    }

    @Test
    void aLetterInANumericFieldIsRefusedNamingLineFieldAndRule() {
        NetsRecord record = NetsRecord.of(3, AMOUNT_ITEM_1.replace("44000", "44O00"), "test");

        assertThatThrownBy(() -> record.number(33, 49, "amount"))
                .isInstanceOfSatisfying(NetsFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.rule()).isEqualTo("test.format");
                    assertThat(e.getMessage()).isEqualTo(
                            "line 3: (NY091030) amount (positions 33–49) '00000000000044O00' is not digits");
                });
    }

    @Test
    void aNumericFieldReachedByThePaddingIsACutLineNotZeros() {
        // cut inside the amount (33–49): its first 8 digits are on the line, a number cannot end in trailing spaces
        NetsRecord record = NetsRecord.of(5, AMOUNT_ITEM_1.substring(0, 40), "test");

        assertThat(record.field(1, 40)).isEqualTo(AMOUNT_ITEM_1.substring(0, 40));
        assertThatThrownBy(() -> record.number(33, 49, "amount"))
                .isInstanceOfSatisfying(NetsFileException.class, e -> {
                    assertThat(e.rule()).isEqualTo("test.lineLength");
                    assertThat(e.getMessage()).contains("line 5", "amount (positions 33–49)", "the line has 40 characters");
                });
        // and a letter on the line stays a format error, wherever the line ends
        NetsRecord lettered = NetsRecord.of(5, AMOUNT_ITEM_1.substring(0, 40).replace("00000000", "0000000X"), "test");
        assertThatThrownBy(() -> lettered.number(33, 49, "amount"))
                .isInstanceOfSatisfying(NetsFileException.class, e -> assertThat(e.rule()).isEqualTo("test.format"));
    }

    @Test
    void aFormatCodeOtherThanNyIsRefused() {
        assertThatThrownBy(() -> NetsRecord.of(2, "XY" + AMOUNT_ITEM_1.substring(2), "test"))
                .isInstanceOfSatisfying(NetsFileException.class, e -> {
                    assertThat(e.rule()).isEqualTo("test.format");
                    assertThat(e.getMessage()).contains("line 2", "format code (positions 1–2) 'XY'");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r"})
    void blankLinesAreNoRecordsButKeepTheirLineNumbers(String lineEnd) {
        String file = String.join(lineEnd, "", AMOUNT_ITEM_1, "   ", AMOUNT_ITEM_1.stripTrailing(), "") + lineEnd;

        List<NetsRecord> records = NetsRecord.split(file, "test");

        assertThat(records).extracting(NetsRecord::line).containsExactly(2, 4);
        assertThat(records).extracting(NetsRecord::text).containsOnly(AMOUNT_ITEM_1);
    }

    @Test
    void theWritersRefuseWhatDoesNotFit() {
        assertThatThrownBy(() -> NetsRecord.digits(100, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetsRecord.digits(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetsRecord.text("ABCDEFGHIJK", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetsRecord.requireRecord(AMOUNT_ITEM_1 + " ")).isInstanceOf(IllegalStateException.class);
        assertThat(NetsRecord.date(LocalDate.of(2027, 1, 20))).isEqualTo("200127");
        assertThat(NetsRecord.date(null)).isEqualTo("000000");
    }

    /**
     * A record written field by field (type 30 like an AvtaleGiro amount item 1, with a text field at the end) reads
     * back to the same values — and so does the same line with its trailing spaces trimmed, which is the leniency rule.
     */
    @Property(tries = 500)
    void writingThenReadingARecordRoundTrips(
            @ForAll @IntRange(min = 0, max = 9_999_999) int transaction,
            @ForAll @IntRange(min = 0, max = 36_524) int dayOfCentury,
            @ForAll @LongRange(min = 0, max = 99_999_999_999_999_999L) long amount,
            @ForAll("kids") String kid,
            @ForAll("texts") String name,
            @ForAll boolean trimmed) {
        LocalDate due = LocalDate.of(2000, 1, 1).plusDays(dayOfCentury);   // DDMMYY reads 2000–2099
        String written = NetsRecord.requireRecord("NY210230" + NetsRecord.digits(transaction, 7) + NetsRecord.date(due)
                + " ".repeat(11) + NetsRecord.digits(amount, 17) + NetsRecord.rightAligned(kid, 25) + NetsRecord.text(name, 6));

        NetsRecord read = NetsRecord.split((trimmed ? written.stripTrailing() : written) + "\r\n", "test").getFirst();

        assertThat(read.text()).isEqualTo(written);
        assertThat(read.code()).isEqualTo("NY210230");
        assertThat(read.serviceCode()).isEqualTo("21");
        assertThat(read.type()).isEqualTo("02");
        assertThat(read.recordType()).isEqualTo("30");
        assertThat(read.integer(9, 15, "transaction number")).isEqualTo(transaction);
        assertThat(read.date(16, 21, "due date")).isEqualTo(due);
        assertThat(read.number(33, 49, "amount")).isEqualTo(amount);
        assertThat(read.field(50, 74).strip()).isEqualTo(kid);
        assertThat(read.text(75, 80)).isEqualTo(name.stripTrailing());
    }

    @Provide
    Arbitrary<String> kids() {
        return Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(25);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ABCÆØÅ abcæøå-.").ofMaxLength(6);
    }

    /** Nets' published files (../shared/samples/ocr-giro), every line trimmed of its trailing spaces, split the same. */
    @Test
    void thePublishedSamplesSplitTheSameWithTheirTrailingSpacesTrimmed() throws IOException {
        Optional<Path> folder = Stream.of(Path.of("../shared/samples/ocr-giro"), Path.of("../../shared/samples/ocr-giro"))
                .filter(Files::isDirectory).findFirst();
        assumeTrue(folder.isPresent(), "../shared/samples/ocr-giro is not on this machine: the published Nets samples"
                + " are not split");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder.get())) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path path : files) {
            String text = Files.readString(path, StandardCharsets.ISO_8859_1);
            String trimmed = text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));

            List<NetsRecord> records = NetsRecord.split(text, "test");

            assertThat(records).as(path.toString()).isNotEmpty().allSatisfy(r -> assertThat(r.length()).isEqualTo(80));
            assertThat(NetsRecord.split(trimmed, "test")).extracting(NetsRecord::text)
                    .as(path.toString()).isEqualTo(records.stream().map(NetsRecord::text).toList());
        }
    }
}
