package no.kraft.cis.billing.run;

import java.time.YearMonth;
import java.util.List;
import no.kraft.cis.billing.invoicing.CustomerBilling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Bills the next customers of its partition per call — {@code cis.billing.run.chunk-size} of them (default 100), each
 * in its own transaction — and then records the progress and the cursor once (a round of bookkeeping per customer cost
 * more than a third of the run). A stop takes effect after the chunk in progress. One bad
 * customer is recorded and passed, never fatal. A crash inside a chunk makes the restart look at the chunk's billed
 * customers again and find them billed.
 */
class PartitionTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionTasklet.class);

    private final CustomerBilling billing;
    private final BillingRunProgress progress;
    private final BillingCandidates candidates;
    private final int chunkSize;

    PartitionTasklet(CustomerBilling billing, BillingRunProgress progress, BillingCandidates candidates, int chunkSize) {
        this.billing = billing;
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
            for (long customerId : next) {
                try {
                    tally.add(billing.bill(customerId, month, runId));
                } catch (RuntimeException e) {
                    LOG.warn("billing run {}: customer {} failed: {}", runId, customerId, e.toString());
                    tally.failed(customerId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
                context.putLong("lastCustomerId", customerId);
                contribution.incrementWriteCount(1);
            }
        } finally {
            progress.record(runId, tally);
        }
        return RepeatStatus.CONTINUABLE;
    }
}
