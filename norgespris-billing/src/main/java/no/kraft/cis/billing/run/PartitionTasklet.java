package no.kraft.cis.billing.run;

import java.time.YearMonth;
import java.util.List;
import no.kraft.cis.billing.invoicing.ChunkBilling;
import no.kraft.cis.billing.invoicing.CustomerBilling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bills the next customers of its partition per call — {@code cis.billing.run.chunk-size} of them (default 100): the
 * common case together in one transaction ({@link ChunkBilling}), the customers with something to correct one by one
 * ({@link CustomerBilling}), and the whole chunk one by one if its transaction is lost — then records the progress and
 * the cursor once. A stop takes effect after the chunk in progress. One bad customer is recorded and passed, never
 * fatal. A crash inside a chunk makes the restart look at the chunk's customers again and find the billed ones billed.
 *
 * <p>A run started with a pace ({@link BillingRuns.Pace}, the daytime throttle) takes its chunk size from the run, and
 * after each chunk that billed anyone waits the pause — after the chunk's commit, outside any transaction, so no
 * connection is held meanwhile. The wait watches for a stop and ends at once on one: the run stops before the next chunk.
 */
class PartitionTasklet implements Tasklet, ChunkListener<Object, Object> {

    /** Job parameters of a paced run. */
    static final String CHUNK_SIZE = "chunkSize";
    static final String PAUSE_MILLIS = "pauseMillis";

    private static final long STOP_CHECK_MILLIS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(PartitionTasklet.class);

    private final CustomerBilling billing;
    private final ChunkBilling chunkBilling;
    private final BillingRunProgress progress;
    private final BillingCandidates candidates;
    private final JdbcClient jdbc;
    private final int chunkSize;
    /** Set by a chunk that billed anyone, read (and cleared) after its commit: step-scoped, so one partition's own. */
    private volatile boolean billedAChunk;

    PartitionTasklet(CustomerBilling billing, ChunkBilling chunkBilling, BillingRunProgress progress, BillingCandidates candidates,
            JdbcClient jdbc, int chunkSize) {
        this.billing = billing;
        this.chunkBilling = chunkBilling;
        this.progress = progress;
        this.candidates = candidates;
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        ExecutionContext context = chunk.getStepContext().getStepExecution().getExecutionContext();
        var parameters = chunk.getStepContext().getStepExecution().getJobParameters();
        long runId = parameters.getLong("runId");
        YearMonth month = YearMonth.parse(parameters.getString("month"));
        Long customerNumber = parameters.getLong("customerNumber");
        int partition = context.getInt("partition");
        int partitions = context.getInt("partitions");
        long after = context.containsKey("lastCustomerId") ? context.getLong("lastCustomerId") : 0L;

        Long pacedChunk = parameters.getLong(CHUNK_SIZE);
        int size = pacedChunk == null ? chunkSize : pacedChunk.intValue();
        List<Long> next = candidates.next(month, partition, partitions, after, customerNumber, size);
        if (next.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        billedAChunk = true;
        BillingRunProgress.Tally tally = new BillingRunProgress.Tally();
        try {
            List<Long> oneByOne = next;
            try {
                ChunkBilling.Result chunked = chunkBilling.bill(next, month, runId);
                chunked.done().values().forEach(tally::add);
                chunked.failed().forEach((customerId, reason) -> {
                    LOG.warn("billing run {}: customer {} failed: {}", runId, customerId, reason);
                    tally.failed(customerId, reason);
                });
                oneByOne = chunked.oneByOne();
            } catch (RuntimeException chunkLost) {
                // the chunk rolled back whole: each of its customers on its own, so one bad customer cannot stop the others
                LOG.info("billing run {}: chunk of {} customers from {} billed one by one: {}", runId, next.size(), next.getFirst(),
                        chunkLost.toString());
            }
            for (long customerId : oneByOne) {
                try {
                    tally.add(billing.bill(customerId, month, runId));
                } catch (RuntimeException e) {
                    LOG.warn("billing run {}: customer {} failed: {}", runId, customerId, e.toString());
                    tally.failed(customerId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
            context.putLong("lastCustomerId", next.getLast());
            contribution.incrementWriteCount(next.size());
        } finally {
            progress.record(runId, tally);
        }
        return RepeatStatus.CONTINUABLE;
    }

    /** The pace's pause after a chunk that billed anyone (after its commit); a stop asked for meanwhile ends it at once. */
    @Override
    public void afterChunk(ChunkContext chunk) {
        if (!billedAChunk) {
            return;
        }
        billedAChunk = false;
        StepExecution step = chunk.getStepContext().getStepExecution();
        Long pauseMillis = step.getJobParameters().getLong(PAUSE_MILLIS);
        if (pauseMillis == null || pauseMillis <= 0) {
            return;
        }
        long until = System.nanoTime() + Duration.ofMillis(pauseMillis).toNanos();
        try {
            while (System.nanoTime() < until) {
                if (stopAskedFor(step.getJobExecutionId())) {
                    step.setTerminateOnly();
                    return;
                }
                Thread.sleep(Math.max(1, Math.min(STOP_CHECK_MILLIS, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.setTerminateOnly();
        }
    }

    private boolean stopAskedFor(long jobExecutionId) {
        String status = jdbc.sql("select status from batch_job_execution where job_execution_id = :id").param("id", jobExecutionId)
                .query(String.class).optional().orElse("");
        return status.equals("STOPPING") || status.equals("STOPPED");
    }
}
