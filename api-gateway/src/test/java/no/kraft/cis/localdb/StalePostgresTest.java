package no.kraft.cis.localdb;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL left running by a killed run is refused with the way out, never silently shared. */
class StalePostgresTest {

    @TempDir
    Path data;

    @Test
    void aLivePostmasterOnTheDataDirectoryIsRefusedNamingThePid() throws Exception {
        // a running program called postgres (a copy of sleep under that name), as a killed run leaves it
        Path postgres = data.resolve("bin/postgres");
        Files.createDirectories(postgres.getParent());
        Files.copy(Path.of("/bin/sleep"), postgres);
        Process alive = new ProcessBuilder(postgres.toString(), "30").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), alive.pid() + "\n" + data + "\n1733050000\n54329\n");
            assertThatThrownBy(() -> LocalDatabaseConfiguration.requireNoRunningPostgres(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pid " + alive.pid()).hasMessageContaining("kill " + alive.pid());
        } finally {
            alive.destroy();
        }
    }

    @Test
    void aPidNowUsedByAnotherProgramIsNotNamed() throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n");   // this JVM: alive, not postgres
        assertThatCode(() -> LocalDatabaseConfiguration.requireNoRunningPostgres(data)).doesNotThrowAnyException();
    }

    @Test
    void aStalePidFileOfAProcessThatIsGoneOrNoPidFileStarts() throws Exception {
        assertThatCode(() -> LocalDatabaseConfiguration.requireNoRunningPostgres(data)).doesNotThrowAnyException();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(data.resolve("postmaster.pid"), gone.pid() + "\n");
        assertThatCode(() -> LocalDatabaseConfiguration.requireNoRunningPostgres(data)).doesNotThrowAnyException();
    }
}
