package no.kraft.cis.metervalue;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RegistrationsTest {

    @Test
    void aDayWithOneCorrectionKeepsTwoTimesAndOneCharacterPerInterval() {
        long[] perInterval = {1_700_000_000L, 1_700_000_000L, 1_700_086_400L, 0, 1_700_000_000L};
        Registrations.Encoded e = Registrations.encode(perInterval);
        assertThat(e.instants()).containsExactly(1_700_000_000L, 1_700_086_400L);
        assertThat(e.codes()).isEqualTo("001-0");
        assertThat(Registrations.decode(e.instants(), e.codes())).containsExactly(perInterval);
    }

    @Property(tries = 300)
    void decodingGivesBackWhatWasEncoded(@ForAll @Size(min = 1, max = 100) java.util.List<@IntRange(min = 0, max = 40) Integer> picks) {
        long[] perInterval = picks.stream().mapToLong(p -> p == 0 ? 0 : 1_760_000_000L + 3_600L * p).toArray();
        Registrations.Encoded e = Registrations.encode(perInterval);
        assertThat(Registrations.decode(e.instants(), e.codes())).containsExactly(perInterval);
        assertThat(e.codes()).hasSize(perInterval.length).doesNotContain("\\");
    }
}
