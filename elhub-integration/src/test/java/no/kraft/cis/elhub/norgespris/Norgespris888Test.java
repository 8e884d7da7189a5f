package no.kraft.cis.elhub.norgespris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import no.kraft.cis.elhub.norgespris.NorgesprisContract.Status;
import org.junit.jupiter.api.Test;

class Norgespris888Test {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void initiatedIsActiveFromItsStartAndCancellableFourteenDaysFromTheOrder() {
        var contract = new NorgesprisContract("c", "707057500000000018", Status.INITIATED, START, null, false,
                Instant.parse("2025-12-20T09:00:00Z"), Instant.parse("2025-12-20T09:00:00Z"));
        assertThat(Norgespris888.changes(contract)).containsExactly(
                new Norgespris888.Set(1, START, "Initiated; cancellable until 2026-01-03"));
    }

    @Test
    void activatedIsActiveAndCancelledIsThreeFromTheLaterOfStartAndCancellation() {
        assertThat(Norgespris888.changes(new NorgesprisContract("c", "m", Status.ACTIVATED, START, null, false, null, null)))
                .containsExactly(new Norgespris888.Set(1, START, null));
        // regretted before the start: never active
        assertThat(Norgespris888.changes(new NorgesprisContract("c", "m", Status.CANCELLED, START, null, true, null,
                Instant.parse("2025-12-28T12:00:00Z")))).containsExactly(new Norgespris888.Set(3, START, null));
        // regretted on 5 January (23:30 UTC is already the 6th in Oslo): active from the start until then
        assertThat(Norgespris888.changes(new NorgesprisContract("c", "m", Status.CANCELLED, START, null, true, null,
                Instant.parse("2026-01-05T23:30:00Z")))).containsExactly(new Norgespris888.Set(1, START, null),
                new Norgespris888.Set(3, LocalDate.of(2026, 1, 6), null));
    }

    @Test
    void expiredEndsTheActivePeriodAfterItsLastDay() {
        assertThat(Norgespris888.changes(new NorgesprisContract("c", "m", Status.EXPIRED, START, LocalDate.of(2026, 12, 31), false,
                null, null))).containsExactly(new Norgespris888.Set(1, START, null), new Norgespris888.End(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void statusesAndDatesAreReadInEveryDocumentedSpelling() {
        assertThat(Status.parse("Activated")).isEqualTo(Status.ACTIVATED);
        assertThat(Status.parse("active")).isEqualTo(Status.ACTIVATED);
        assertThat(Status.parse("inactive")).isEqualTo(Status.EXPIRED);
        assertThat(Status.parse("cancelled")).isEqualTo(Status.CANCELLED);
        assertThatThrownBy(() -> Status.parse("Pending")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ContractsApi.date("2025-01-10")).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(ContractsApi.date("10.01.2025")).isEqualTo(LocalDate.of(2025, 1, 10));
    }
}
