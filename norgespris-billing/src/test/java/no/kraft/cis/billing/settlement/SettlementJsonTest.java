package no.kraft.cis.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import no.kraft.cis.meteringpoint.CompensationClass;

/**
 * The settlement's day detail is written by hand for speed; it must be byte for byte what Jackson writes, or every
 * stored fingerprint would stop matching (and every settlement be rewritten), and it must read back as it was.
 */
class SettlementJsonTest {

    @Property(tries = 300)
    void handWrittenIsJacksonsTextAndReadsBack(@ForAll @IntRange(min = 0, max = 31) int days, @ForAll @LongRange(min = -10_000_000,
            max = 10_000_000) long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<DayResult> detail = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            CompensationClass c = CompensationClass.values()[random.nextInt(CompensationClass.values().length)];
            // amounts of any sign and scale the settlement produces: full precision, negative when spot was below the price
            BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, random.nextInt(13));
            detail.add(new DayResult(LocalDate.of(2025, 10, 1).plusDays(d), c, random.nextInt(200_000), random.nextInt(200_000), amount,
                    amount.multiply(new BigDecimal("0.8")), random.nextLong(0, 5_000_000_000L), random.nextBoolean()));
        }
        String json = SettlementJson.of(detail);
        assertThat(json).isEqualTo(SettlementJson.viaTree(detail));
        assertThat(SettlementJson.days(json)).isEqualTo(detail);
    }
}
