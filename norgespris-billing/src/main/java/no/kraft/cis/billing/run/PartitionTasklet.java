package no.kraft.cis.billing.run;

import java.time.YearMonth;
import java.util.List;
import no.kraft.cis.billing.invoicing.ChunkBilling;
import no.kraft.cis.billing.invoicing.CustomerBilling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Bills the next customers of its partition per call — {@code cis.billing.run.chunk-size} of them (default 100): the
 * common case together in one transaction ({@link ChunkBilling}), the customers with something to correct one by one
 * ({@link CustomerBilling}), and the whole chunk one by one if its transaction is lost — then records the progress and
 * the cursor once. A stop takes effect after the chunk in progress. One bad customer is recorded and passed, never
 * fatal. A crash inside a chunk makes the restart look at the chunk's customers again and find the billed ones billed.
 */
class PartitionTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionTasklet.class);

    private final CustomerBilling billing;
    private final ChunkBilling chunkBilling;
    private final BillingRunProgress progress;
    private final BillingCandidates candidates;
    private final int chunkSize;

    PartitionTasklet(CustomerBilling billing, ChunkBilling chunkBilling, BillingRunProgress progress, BillingCandidates candidates,
            int chunkSize) {
        this.billing = billing;
        this.chunkBilling = chunkBilling;
        this.progress = progress;
        this.candidates = candidates;
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

        List<Long> next = candidates.next(month, partition, partitions, after, customerNumber, chunkSize);
        if (next.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
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
}
