package no.kraft.cis.elhub.metering;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.kraft.cis.elhub.emif.EmifSchemas;

/** Elhub's published examples and schemas, read from ../shared/samples/elhub (never copied into the repository). */
final class ElhubSamples {

    private ElhubSamples() {
    }

    static Path folder() {
        for (Path candidate : List.of(Path.of("../shared/samples/elhub"), Path.of("../../shared/samples/elhub"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "../shared/samples/elhub is not on this machine: Elhub's examples and schemas are not tested");
        throw new IllegalStateException();
    }

    static Path file(String name) {
        return folder().resolve(name);
    }

    static EmifSchemas schemas() {
        return EmifSchemas.in(folder().resolve("bim-2.3"));
    }
}
