package no.kraft.cis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-client token bucket, on a clock the test moves. */
class ClientRateLimitsTest {

    static final long SECOND = 1_000_000_000L;

    final AtomicLong now = new AtomicLong(0);
    final ClientRateLimits limits = new ClientRateLimits(new ClientRateLimits.Limit(3, 0.5),
            Map.of("agent-x", new ClientRateLimits.Limit(1, 10)), now::get);

    @Test
    void aBurstOfCapacityThenRetryAfterTheTimeOneCallTakesToRefill() {
        assertThat(limits.take("a")).isEmpty();
        assertThat(limits.take("a")).isEmpty();
        assertThat(limits.take("a")).isEmpty();
        // empty bucket, refilled at 0.5 calls/s: one call is back after (1 − 0) / 0.5 = 2 s
        assertThat(limits.take("a")).isEqualTo(OptionalLong.of(2));
        now.addAndGet(SECOND);
        // after 1 s the bucket holds 0.5: the rest takes (1 − 0.5) / 0.5 = 1 s
        assertThat(limits.take("a")).isEqualTo(OptionalLong.of(1));
        now.addAndGet(SECOND);
        assertThat(limits.take("a")).isEmpty();
    }

    @Test
    void clientsHaveTheirOwnBucketsAndNamedClientsTheirOwnLimit() {
        for (int i = 0; i < 3; i++) {
            limits.take("a");
        }
        assertThat(limits.take("a")).isPresent();
        assertThat(limits.take("b")).isEmpty();
        // agent-x: 1 at once, 10/s → waits ⌈0.1 s⌉ = 1 s (Retry-After is whole seconds, at least 1)
        assertThat(limits.take("agent-x")).isEmpty();
        assertThat(limits.take("agent-x")).isEqualTo(OptionalLong.of(1));
        now.addAndGet(SECOND / 10);
        assertThat(limits.take("agent-x")).isEmpty();
    }

    @Test
    void aLongIdleClientDoesNotSaveUpMoreThanItsCapacity() {
        now.addAndGet(3600 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take("idle")).isEmpty();
        }
        assertThat(limits.take("idle")).isPresent();
    }
}
