package no.kraft.cis.billing.run;

import java.util.HashMap;
import java.util.Map;
import java.time.YearMonth;
import no.kraft.cis.billing.invoicing.ChunkBilling;
import no.kraft.cis.billing.invoicing.CustomerBilling;
import no.kraft.cis.billing.settlement.MonthSweep;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The billing run as a Spring Batch job: step 1 settles the month for all supplied metering points ({@link MonthSweep},
 * partitioned by metering-point id); step 2 bills: partition {@code i} of {@code n} bills the customers with
 * {@code id % n = i}, a chunk of customers per tasklet iteration, remembering the last customer in the step's execution context
 * so a restarted run resumes after it. The partitions run in parallel here and could run on other instances with a
 * remote partition handler. A customer's whole billing is one transaction ({@link CustomerBilling}), so a crash between
 * a customer's commit and the cursor's save only makes the restart look at that customer again — and find it billed.
 */
@Configuration(proxyBeanMethods = false)
class BillingRunJob {

    static final String JOB = "billingRun";

    @Bean
    Job billingRun(JobRepository repository, Step settleMonth, Step billCustomers, BillingRunProgress progress) {
        return new JobBuilder(JOB, repository)
                .start(settleMonth)
                .next(billCustomers)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        progress.finished(execution.getJobParameters().getLong("runId"), execution.getStatus().name());
                    }
                })
                .build();
    }

    @Bean
    Step billCustomers(JobRepository repository, Step billPartition, @Value("${cis.billing.run.partitions:6}") int partitions) {
        return new StepBuilder("billCustomers", repository)
                .partitioner("billPartition", partitioner())
                .step(billPartition)
                .gridSize(partitions)
                .taskExecutor(new SimpleAsyncTaskExecutor("billing-"))
                .build();
    }

    /** Step 1: settle the month for every supplied metering point, partitioned by metering-point id. */
    @Bean
    Step settleMonth(JobRepository repository, Step settlePartition, @Value("${cis.billing.run.partitions:6}") int partitions) {
        return new StepBuilder("settleMonth", repository)
                .partitioner("settlePartition", partitioner())
                .step(settlePartition)
                .gridSize(partitions)
                .taskExecutor(new SimpleAsyncTaskExecutor("settlement-"))
                .build();
    }

    @Bean
    Step settlePartition(JobRepository repository, PlatformTransactionManager transactions, MonthSweep sweep) {
        return new StepBuilder("settlePartition", repository).tasklet((contribution, chunk) -> {
            var execution = chunk.getStepContext().getStepExecution();
            MonthSweep.Result result = sweep.settle(YearMonth.parse(execution.getJobParameters().getString("month")),
                    execution.getExecutionContext().getInt("partition"), execution.getExecutionContext().getInt("partitions"));
            contribution.incrementWriteCount(result.settled());
            return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
        }, transactions).build();
    }

    private static Partitioner partitioner() {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (int i = 0; i < gridSize; i++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt("partition", i);
                context.putInt("partitions", gridSize);
                partitions.put("partition" + i, context);
            }
            return partitions;
        };
    }

    @Bean
    Step billPartition(JobRepository repository, PlatformTransactionManager transactions, PartitionTasklet tasklet) {
        return new StepBuilder("billPartition", repository).tasklet(tasklet, transactions).listener((ChunkListener<?, ?>) tasklet).build();
    }

    @Bean
    @StepScope
    PartitionTasklet partitionTasklet(CustomerBilling billing, ChunkBilling chunkBilling, BillingRunProgress progress,
            BillingCandidates candidates, JdbcClient jdbc, @Value("${cis.billing.run.chunk-size:100}") int chunkSize) {
        return new PartitionTasklet(billing, chunkBilling, progress, candidates, jdbc, chunkSize);
    }
}
