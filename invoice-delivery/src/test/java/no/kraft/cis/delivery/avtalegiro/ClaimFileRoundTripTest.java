package no.kraft.cis.delivery.avtalegiro;

import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.ACCOUNT;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.DATA_SENDER;
import static no.kraft.cis.delivery.avtalegiro.AvtaleGiroTestData.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.kraft.cis.invoice.Kid;
import no.kraft.cis.rule.InvalidValueException;

class ClaimFileRoundTripTest {

    /**
     * Any valid claims, with or without a deletion assignment withdrawing them again: the file reads back to the same
     * claims, every record is 80 characters followed by CR LF, and the end records state what the claims add up to.
     */
    @Property(tries = 300)
    void validClaimsAreWrittenAndReadBackUnchanged(@ForAll("claims") List<Claim> claims, @ForAll boolean withdrawToo) {
        List<ClaimFile.Assignment> assignments = new ArrayList<>();
        assignments.add(ClaimFile.Assignment.claims(1, ACCOUNT, claims));
        if (withdrawToo) {
            assignments.add(ClaimFile.Assignment.deletions(2, ACCOUNT, claims.stream().map(Claim::withoutNotice).toList()));
        }
        ClaimFile file = new ClaimFile(DATA_SENDER, 4711, assignments);

        byte[] written = ClaimFileWriter.write(file, TODAY);

        assertThat(ClaimFileReader.read(written)).isEqualTo(file);
        String text = AvtaleGiroTestData.text(written);
        assertThat(text).endsWith("\r\n");
        List<String> records = List.of(text.split("\r\n"));
        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(80));

        long sum = claims.stream().mapToLong(Claim::amountInOre).sum();
        LocalDate first = claims.stream().map(Claim::dueDate).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = claims.stream().map(Claim::dueDate).max(Comparator.naturalOrder()).orElseThrow();
        int noticeRecords = claims.stream().mapToInt(c -> c.bankNotice() == null ? 0 : 2 * c.bankNotice().lines().size())
                .sum();
        int claimRecords = 2 + 2 * claims.size() + noticeRecords;
        String assignmentEnd = records.get(claimRecords);   // after the transmission start and the claims' records
        assertThat(assignmentEnd.substring(0, 8)).isEqualTo("NY210088");
        assertThat(number(assignmentEnd, 9, 16)).isEqualTo(claims.size());
        assertThat(number(assignmentEnd, 17, 24)).isEqualTo(claimRecords);
        assertThat(number(assignmentEnd, 25, 41)).isEqualTo(sum);
        assertThat(assignmentEnd.substring(41, 53)).isEqualTo(ddmmyy(first) + ddmmyy(last));

        int copies = withdrawToo ? 2 : 1;
        String transmissionEnd = records.getLast();
        assertThat(transmissionEnd.substring(0, 8)).isEqualTo("NY000089");
        assertThat(number(transmissionEnd, 9, 16)).isEqualTo((long) copies * claims.size());
        assertThat(number(transmissionEnd, 17, 24)).isEqualTo(records.size());
        assertThat(number(transmissionEnd, 25, 41)).isEqualTo(copies * sum);
        assertThat(transmissionEnd.substring(41, 47)).isEqualTo(ddmmyy(first));
    }

    @Provide
    Arbitrary<List<Claim>> claims() {
        long lastDay = ChronoUnit.DAYS.between(TODAY, TODAY.plusMonths(12));
        Arbitrary<Claim> claim = Combinators.combine(
                        Arbitraries.integers().between(1, ClaimFileValidation.MAX_NUMBER),
                        Arbitraries.longs().between(1, lastDay).map(TODAY::plusDays),
                        // 20 claims of at most this add up to a sum that fits twice in 17 digits
                        Arbitraries.longs().between(1, ClaimFileValidation.MAX_ORE / 40),
                        kids(),
                        isoText(10),
                        isoText(25),
                        notices())
                .as(Claim::new);
        return claim.list().ofMinSize(1).ofMaxSize(20).uniqueElements(Claim::transactionNumber);
    }

    /** MOD10 KIDs of 4–25 digits: random digits and the one check digit cis-core's Kid accepts. */
    private static Arbitrary<Kid> kids() {
        return Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(24).map(base -> {
            for (char check = '0'; check <= '9'; check++) {
                try {
                    return new Kid(base + check);
                } catch (InvalidValueException wrongDigit) {
                    // try the next
                }
            }
            throw new IllegalStateException("no check digit for " + base);
        });
    }

    /** Printable ISO-8859-1: ASCII and Latin-1 from the no-break space up, with æøå and the like. */
    private static Arbitrary<String> isoText(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00A0', '\u00FF').ofMaxLength(maxLength);
    }

    private static Arbitrary<BankNotice> notices() {
        Arbitrary<BankNotice> notice = isoText(BankNotice.LINE_LENGTH).list().ofMaxSize(BankNotice.MAX_LINES)
                .map(BankNotice::new);
        return notice.injectNull(0.4);
    }

    private static long number(String record, int from, int to) {
        return Long.parseLong(record.substring(from - 1, to));
    }

    private static String ddmmyy(LocalDate date) {
        return "%02d%02d%02d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
    }
}
