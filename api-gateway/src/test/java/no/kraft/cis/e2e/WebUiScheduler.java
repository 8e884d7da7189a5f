package no.kraft.cis.e2e;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.kraft.cis.consent.control.ConsentDriver;
import no.kraft.cis.elhub.inbound.ElhubReceiving;
import no.kraft.cis.elhub.outbox.OutboxRelay;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plays the scheduler while the browser works ({@code NightlyJobs} is off in the tests): each second the consents due
 * are advanced; a start of supply waiting in the outbox is sent, and, while one waits for Elhub's answer, Elhub is
 * polled; the same for the mover's end of supply, its cancellation or rollback. Only the order pipeline and the mover's
 * point, so the other screens' tests see the queues as their fixtures left them.
 */
final class WebUiScheduler implements AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final JdbcClient jdbc;
    private final ConsentDriver consentDriver;
    private final OutboxRelay outboxRelay;
    private final ElhubReceiving elhubReceiving;
    private final String moverPoint;

    WebUiScheduler(JdbcClient jdbc, ConsentDriver consentDriver, OutboxRelay outboxRelay, ElhubReceiving elhubReceiving,
            String moverPoint) {
        this.jdbc = jdbc;
        this.consentDriver = consentDriver;
        this.outboxRelay = outboxRelay;
        this.elhubReceiving = elhubReceiving;
        this.moverPoint = moverPoint;
        executor.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            consentDriver.advanceDue(100);
            if (jdbc.sql("select count(*) from elhub_command where status = 'PENDING' and kind = 'REQUEST_START_OF_SUPPLY'")
                    .query(Long.class).single() > 0) {
                outboxRelay.deliverDue(100);
            }
            if (jdbc.sql("select count(*) from elhub_command where status = 'PENDING' and metering_point = :point"
                    + " and kind in ('REQUEST_END_OF_SUPPLY', 'CANCEL_END_OF_SUPPLY', 'ROLLBACK_END_OF_SUPPLY')")
                    .param("point", moverPoint).query(Long.class).single() > 0) {
                outboxRelay.deliverDue(100);
            }
            if (jdbc.sql("select count(*) from contract_order o join elhub_supply_process p on p.id = o.supply_process_id"
                    + " where o.status = 'WAITING' and p.status = 'SENT'").query(Long.class).single() > 0
                    || jdbc.sql("select count(*) from elhub_supply_process where metering_point = :point"
                    + " and status in ('SENT', 'CANCELLING', 'ROLLING_BACK')").param("point", moverPoint).query(Long.class).single() > 0) {
                elhubReceiving.run();
            }
        } catch (RuntimeException e) {
            System.out.println("[scheduler] " + e);
        }
    }

    /** Stops; sends what the screens left in the outbox and takes in Elhub's answers, so no later test finds them queued. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
        outboxRelay.deliverDue(100);
        elhubReceiving.run();
    }
}
