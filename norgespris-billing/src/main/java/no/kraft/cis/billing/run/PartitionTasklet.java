package no.kraft.cis.billing.run;

import java.time.YearMonth;
import java.util.Optional;
import no.kraft.cis.billing.invoicing.CustomerBilling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Bills the next customer of its partition per call; one bad customer is recorded and passed, never fatal. */
class PartitionTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionTasklet.class);

    private final CustomerBilling billing;
    private final BillingRunProgress progress;
    private final BillingCandidates candidates;

    PartitionTasklet(CustomerBilling billing, BillingRunProgress progress, BillingCandidates candidates) {
        this.billing = billing;
        this.progress = progress;
        this.candidates = candidates;
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

        Optional<Long> next = candidates.next(month, partition, partitions, after, customerNumber);
        if (next.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        long customerId = next.get();
        try {
            CustomerBilling.Outcome outcome = billing.bill(customerId, month, runId);
            progress.billed(runId, outcome);
        } catch (RuntimeException e) {
            LOG.warn("billing run {}: customer {} failed: {}", runId, customerId, e.toString());
            progress.failed(runId, customerId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        context.putLong("lastCustomerId", customerId);
        contribution.incrementWriteCount(1);
        return RepeatStatus.CONTINUABLE;
    }
}
