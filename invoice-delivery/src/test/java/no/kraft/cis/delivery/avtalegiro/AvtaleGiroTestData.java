package no.kraft.cis.delivery.avtalegiro;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.invoice.Kid;

/** The values the AvtaleGiro tests share: our data sender and account, a today, claims, and the published samples. */
final class AvtaleGiroTestData {

    static final String DATA_SENDER = "12345678";
    /** Kraft's AvtaleGiro account, MOD11-valid. */
    static final String ACCOUNT = "15035012343";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private AvtaleGiroTestData() {
    }

    /** Customer 1000001's invoice 123: 1 249,50 kr due 20 January 2027, we notify (02). */
    static Claim hansen() {
        return new Claim(1, LocalDate.of(2027, 1, 20), 124_950, Kid.of(1000001, 123), "HANSEN", "Faktura 123", null);
    }

    /** Customer 1000002's invoice 124: 899,00 kr due 25 January 2027, the bank notifies (21) with two lines. */
    static Claim berg() {
        return new Claim(2, LocalDate.of(2027, 1, 25), 89_900, Kid.of(1000002, 124), "BERG", "Faktura 124",
                BankNotice.of("Strøm desember 2026, Storgata 1",
                        "Forbruk 1 234 kWh, spotpris og påslag; nettleie fra nettselskapet"));
    }

    static ClaimFile claimFile(Claim... claims) {
        return new ClaimFile(DATA_SENDER, 17, List.of(ClaimFile.Assignment.claims(1, ACCOUNT, List.of(claims))));
    }

    static String text(byte[] file) {
        return new String(file, StandardCharsets.ISO_8859_1);
    }

    /** Records joined as a file: CR LF after each, ISO-8859-1. */
    static byte[] file(List<String> records) {
        StringBuilder out = new StringBuilder();
        records.forEach(r -> out.append(r).append("\r\n"));
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The records as a file, one of them (1-based {@code line}) replaced. */
    static byte[] replaced(List<String> records, int line, String replacement) {
        List<String> copy = new ArrayList<>(records);
        copy.set(line - 1, replacement);
        return file(copy);
    }

    /** A file of the published samples (../shared/samples/ocr-giro, never copied into the repository); skipped when absent. */
    static byte[] sample(String name) {
        for (Path folder : List.of(Path.of("../shared/samples/ocr-giro"), Path.of("../../shared/samples/ocr-giro"))) {
            if (Files.isDirectory(folder)) {
                try {
                    return Files.readAllBytes(folder.resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assumeTrue(false, "../shared/samples/ocr-giro is not on this machine: the published AvtaleGiro samples are not tested");
        return null;
    }
}
