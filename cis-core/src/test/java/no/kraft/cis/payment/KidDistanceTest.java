package no.kraft.cis.payment;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The typing mistakes a KID suggestion is scored by: each common slip costs exactly one. */
class KidDistanceTest {

    static final String KID = "10000010001000428";

    @Test
    void theMistakesPeopleMakeCostOneEach() {
        assertThat(KidDistance.between(KID, KID)).isZero();
        assertThat(KidDistance.between("10000010001000429", KID)).as("one wrong digit").isEqualTo(1);
        assertThat(KidDistance.between("10000010001004028", KID)).as("two neighbours swapped").isEqualTo(1);
        assertThat(KidDistance.between("1000001000100428", KID)).as("a digit left out").isEqualTo(1);
        assertThat(KidDistance.between("100000100010004288", KID)).as("a digit typed twice").isEqualTo(1);
        assertThat(KidDistance.between("10000010001004029", KID)).as("a swap and a wrong digit").isEqualTo(2);
        assertThat(KidDistance.between("99999999999999999", KID)).isGreaterThan(2);
    }

    @Property
    void symmetricAndZeroOnlyForTheSameKid(@ForAll("kids") String a, @ForAll("kids") String b) {
        assertThat(KidDistance.between(a, b)).isEqualTo(KidDistance.between(b, a));
        assertThat(KidDistance.between(a, b) == 0).isEqualTo(a.equals(b));
    }

    @Property
    void anyOneDigitChangeOrNeighbourSwapIsOneAway(@ForAll("kids") String kid, @ForAll("positions") int position) {
        int i = position % (kid.length() - 1);
        char changed = (char) ('0' + (kid.charAt(i) - '0' + 1) % 10);
        assertThat(KidDistance.between(kid.substring(0, i) + changed + kid.substring(i + 1), kid)).isEqualTo(1);
        String swapped = kid.substring(0, i) + kid.charAt(i + 1) + kid.charAt(i) + kid.substring(i + 2);
        assertThat(KidDistance.between(swapped, kid)).isEqualTo(kid.charAt(i) == kid.charAt(i + 1) ? 0 : 1);
    }

    @Provide
    Arbitrary<String> kids() {
        return Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(25);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 100);
    }
}
