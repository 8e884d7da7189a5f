package no.kraft.cis.elhub.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import no.kraft.cis.elhub.outbox.Command;
import no.kraft.cis.elhub.outbox.Outbox;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

/**
 * Cancelling and rolling back our own supply processes, start and end through the one {@link SupplyReversal}, on the
 * real schema (this module's migrations in a schema of their own): what is stored, what is refused and how the refusal
 * names field and rule — above all, a process taken back after it was closed while another holds the metering point.
 */
class SupplyReversalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T11:00:00Z"), ZoneOffset.UTC);
    private static final String GLN = "7080000923168";

    private static JdbcClient jdbc;
    private static SupplyProcesses processes;
    private static Outbox outbox;
    private static EmifSoap soap;
    private static StartOfSupply starts;
    private static EndOfSupply ends;
    private static int points;

    @BeforeAll
    static void schema() {
        TestPostgres.Connection db = TestPostgres.connection();
        String schema = "supply_reversal_test";
        Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).schemas(schema).cleanDisabled(false)
                .locations("classpath:db/migration/elhub-integration").load().migrate();
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DataSource data = new DriverManagerDataSource(url, db.username(), db.password());
        jdbc = JdbcClient.create(data);
        processes = new SupplyProcesses(jdbc, CLOCK);
        outbox = new Outbox(jdbc, CLOCK, Duration.ofHours(24));
        soap = new EmifSoap(SigningKey.generated(), RestClient.builder(), null, CLOCK, GLN, "7080003824349");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(data);
        starts = new StartOfSupply(processes, outbox, soap, GLN, CLOCK, transactions);
        // the send windows and deliveries are the request's and the answers' business, not cancel's or rollback's
        ends = new EndOfSupply(processes, outbox, soap, GLN, CLOCK, transactions, null, null);
    }

    @Test
    void aNotifiedStartIsNotRolledBackWhileAnotherProcessHoldsThePointAndNothingIsStored() {
        String point = point();
        long start = start(point, LocalDate.of(2026, 4, 1));
        processes.notified(start);
        // after the switch, a move-out of the same point is under way: the point's one open process
        long end = end(point, LocalDate.of(2026, 6, 1));

        assertThatThrownBy(() -> starts.rollback(start, "switched the neighbour's point by mistake", "kari"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("id");
                    assertThat(e.rule()).isEqualTo("supplyProcess.inProgress");
                    assertThat(e.getMessage()).isEqualTo("another supply process for " + point
                            + " is in progress in Elhub: the start can not be rolled back while it runs");
                });
        assertThat(processes.get(start).status()).isEqualTo(SupplyProcesses.Status.NOTIFIED);
        assertThat(processes.get(start).closedAt()).isNotNull();
        assertThat(stored("rollback_message", start)).isFalse();
        assertThat(kinds(point)).containsExactly(Command.Kind.REQUEST_END_OF_SUPPLY, Command.Kind.REQUEST_START_OF_SUPPLY);

        // once the move-out is done with, the rollback goes
        processes.closed(end, SupplyProcesses.Status.REJECTED, "E47", "test");
        assertThat(starts.rollback(start, "switched the neighbour's point by mistake", "kari").status())
                .isEqualTo(SupplyProcesses.Status.ROLLING_BACK);
        Command rollback = outbox.forMeteringPoint(point).getFirst();
        assertThat(rollback.kind()).isEqualTo(Command.Kind.ROLLBACK_START_OF_SUPPLY);
        assertThat(rollback.createdBy()).isEqualTo("kari (switched the neighbour's point by mistake)");
        assertThat(rollback.supplyProcessId()).isEqualTo(start);
        assertThat(processes.rollbackMessage(start)).contains(">BRS-NO-111<");
    }

    @Test
    void aConfirmedEndIsNotTakenBackWhileOurNextStartHoldsThePoint() {
        String point = point();
        long end = end(point, LocalDate.of(2026, 4, 1));
        processes.confirmed(end);   // closed at once
        start(point, LocalDate.of(2026, 5, 1));
        assertThatThrownBy(() -> ends.cancel(end, "kari")).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.rule()).isEqualTo("supplyProcess.inProgress");
            assertThat(e.getMessage()).endsWith("the end can not be cancelled while it runs");
        });
        assertThatThrownBy(() -> ends.rollback(end, "wrong point", "kari")).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.rule()).isEqualTo("supplyProcess.inProgress");
            assertThat(e.getMessage()).endsWith("the end can not be rolled back while it runs");
        });
        assertThat(processes.get(end).status()).isEqualTo(SupplyProcesses.Status.CONFIRMED);
        assertThat(stored("cancel_message", end)).isFalse();
        assertThat(stored("rollback_message", end)).isFalse();
        assertThat(kinds(point)).containsExactly(Command.Kind.REQUEST_START_OF_SUPPLY, Command.Kind.REQUEST_END_OF_SUPPLY);
    }

    @Test
    void aStartInProgressIsCancelledOnceAndEachProcessOnlyAsWhatItIs() {
        String point = point();
        long start = start(point, LocalDate.of(2026, 4, 1));
        SupplyProcesses.Process cancelling = starts.cancel(start, "kari");
        assertThat(cancelling.status()).isEqualTo(SupplyProcesses.Status.CANCELLING);
        assertThat(processes.cancelMessage(start)).contains(">E02</abie:DocumentType>")
                .contains("<abie:OriginalBusinessDocumentReference>" + cancelling.requestId() + "<");
        Command command = outbox.forMeteringPoint(point).getFirst();
        assertThat(command.kind()).isEqualTo(Command.Kind.CANCEL_START_OF_SUPPLY);
        assertThat(command.createdBy()).isEqualTo("kari");
        assertRefused(() -> starts.cancel(start, "kari"), "supplyStart.notCancellable", "start of supply " + start
                + " is CANCELLING: only one in progress can be cancelled (after Elhub's notification, a correction is a rollback)");
        assertRefused(() -> starts.rollback(start, "wrong point", "kari"), "supplyStart.notRollbackable", "supply process " + start
                + " is CHANGE_OF_SUPPLIER CANCELLING: only a start Elhub has notified can be rolled back (before that, cancel it)");
        assertRefused(() -> ends.cancel(start, "kari"), "supplyEnd.notCancellable", "supply process " + start
                + " is a start of supply (BRS-NO-101): cancel it as a start");
        assertRefused(() -> ends.rollback(start, "wrong point", "kari"), "supplyEnd.notRollbackable", "supply process " + start
                + " is CHANGE_OF_SUPPLIER CANCELLING: only an end Elhub has confirmed can be rolled back");
        processes.cancelled(start);

        long end = end(point, LocalDate.of(2026, 6, 1));
        assertRefused(() -> starts.cancel(end, "kari"), "supplyStart.notCancellable", "supply process " + end
                + " is an end of supply (BRS-NO-201): cancel it as an end");
        assertRefused(() -> starts.rollback(end, "wrong point", "kari"), "supplyStart.notRollbackable", "supply process " + end
                + " is MOVE_OUT REQUESTED: only a start Elhub has notified can be rolled back (before that, cancel it)");
        assertRefused(() -> ends.rollback(end, "wrong point", "kari"), "supplyEnd.notRollbackable", "supply process " + end
                + " is MOVE_OUT REQUESTED: only an end Elhub has confirmed can be rolled back");
        // nothing but the requests and the one cancellation went to the outbox
        assertThat(kinds(point)).containsExactly(Command.Kind.REQUEST_END_OF_SUPPLY, Command.Kind.CANCEL_START_OF_SUPPLY,
                Command.Kind.REQUEST_START_OF_SUPPLY);
    }

    @Test
    void aRollbackNeedsItsReasonBeforeAnythingElseIsLookedAt() {
        for (String reason : new String[] {null, "  "}) {
            assertThatThrownBy(() -> starts.rollback(Long.MAX_VALUE, reason, "kari")).isInstanceOfSatisfying(ValidationFailedException.class,
                    e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("reason");
                        assertThat(v.rule()).isEqualTo("rollback.reason");
                    }));
            assertThatThrownBy(() -> ends.rollback(Long.MAX_VALUE, reason, "kari")).isInstanceOf(ValidationFailedException.class);
        }
        assertThatThrownBy(() -> starts.cancel(Long.MAX_VALUE, "kari")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void ofTwoCancellationsAtTheSameTimeOneIsStoredAndTheOtherRefused() throws Exception {
        String point = point();
        long end = end(point, LocalDate.of(2026, 4, 1));
        // sent: the request's command delivered, so there is nothing to withdraw unsent
        outbox.finish(outbox.forMeteringPoint(point).getFirst().id(), Command.Status.DELIVERED, null, null);
        processes.sent(end);
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> cancel = () -> {
            go.await();
            try {
                return ends.cancel(end, "kari").status().name();
            } catch (ConflictException refused) {
                return refused.rule();
            }
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = two.submit(cancel);
            Future<String> b = two.submit(cancel);
            go.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder("CANCELLING", "supplyEnd.notCancellable");
        } finally {
            two.shutdownNow();
        }
        assertThat(kinds(point)).containsExactly(Command.Kind.CANCEL_END_OF_SUPPLY, Command.Kind.REQUEST_END_OF_SUPPLY);
    }

    @Test
    void aCancellationWaitsInTheOutboxWhileItsRequestWaitsForARetry() {
        jdbc.sql("update elhub_command set status = 'DELIVERED' where status = 'PENDING'").update();   // other tests' leftovers
        MovingClock clock = new MovingClock(CLOCK.instant());
        Outbox relay = new Outbox(jdbc, clock, Duration.ofHours(24));
        String point = point();
        long start = start(point, LocalDate.of(2026, 4, 1));
        // the request's first attempt got no answer: tried again in a minute
        Command request = relay.claimDue(c -> clock.instant().plusSeconds(60)).orElseThrow();
        assertThat(request.kind()).isEqualTo(Command.Kind.REQUEST_START_OF_SUPPLY);
        starts.cancel(start, "kari");

        // the cancellation is due, but sent before its request Elhub would refuse it and then take the request
        clock.at(CLOCK.instant().plusSeconds(10));
        assertThat(relay.claimDue(c -> clock.instant().plusSeconds(60))).isEmpty();
        clock.at(CLOCK.instant().plusSeconds(60));
        assertThat(relay.claimDue(c -> clock.instant().plusSeconds(120))).get().extracting(Command::id).isEqualTo(request.id());
        relay.finish(request.id(), Command.Status.DELIVERED, null, null);
        assertThat(relay.claimDue(c -> clock.instant().plusSeconds(60))).get().extracting(Command::kind)
                .isEqualTo(Command.Kind.CANCEL_START_OF_SUPPLY);
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void at(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String rule, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.field()).isEqualTo("id");
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static long start(String point, LocalDate day) {
        SupplyStart s = new SupplyStart(ProcessKind.CHANGE_OF_SUPPLIER, point, day, "01018010018", null, "Kari", "Nordmann",
                new SupplyStart.Address("Storgata", "1", "0155", "Oslo"));
        return starts.request(s, "kari").id();
    }

    /** A move-out as EndOfSupply.request stores it (its checks need cis-core's deliveries, which this test has not). */
    private static long end(String point, LocalDate day) {
        SupplyEnd e = new SupplyEnd(ProcessKind.MOVE_OUT, point, day, "01018010018", null, "Kari", "Nordmann",
                new SupplyStart.Address("Nyveien", "3B", "5003", "Bergen"));
        String requestId = EmifSoap.newId();
        long id = processes.insert(e.kind(), point, day, requestId, MarketMessages.requestEndOfSupply(soap, requestId, GLN, e), null, "kari");
        outbox.enqueueMessage(Command.Kind.REQUEST_END_OF_SUPPLY, point, day, id, null, null, "kari");
        return id;
    }

    /** Whether the process has {@code column} (a cancellation's or rollback's message) stored. */
    private static boolean stored(String column, long id) {
        return jdbc.sql("select " + column + " is not null from elhub_supply_process where id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    private static List<Command.Kind> kinds(String point) {
        return outbox.forMeteringPoint(point).stream().map(Command::kind).toList();
    }

    /** A metering point of its own for each test, with its GS1 check digit. */
    private static synchronized String point() {
        String body = no.kraft.cis.meteringpoint.MeteringPointId.NORWEGIAN_PREFIX + String.format("%08d", 60_000_000 + ++points);
        for (int d = 0; d <= 9; d++) {
            try {
                return new no.kraft.cis.meteringpoint.MeteringPointId(body + d).value();
            } catch (no.kraft.cis.rule.InvalidValueException wrongDigit) {
                // the next
            }
        }
        throw new IllegalStateException(body);
    }
}
