package no.kraft.cis.delivery.avtalegiro;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the AvtaleGiro tests share: files made of records, and the published samples. */
final class AvtaleGiroTestData {

    private AvtaleGiroTestData() {
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
