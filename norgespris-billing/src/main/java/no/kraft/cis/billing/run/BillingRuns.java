package no.kraft.cis.billing.run;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Starts, stops and restarts billing runs and reports on them. A run bills one calendar month, for all customers or one;
 * it runs in the background and its progress is read from {@code billing_run}.
 */
@Service
public class BillingRuns {

    private static final Logger LOG = LoggerFactory.getLogger(BillingRuns.class);

    private final JobOperator operator;
    private final Job job;
    private final JdbcClient jdbc;
    private final AuditStamp audit;
    private final JobRepository repository;
    private final CustomerService customers;
    private final BillingCandidates candidates;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    BillingRuns(JobOperator operator, JobRepository repository, Job billingRun, JdbcClient jdbc, AuditStamp audit,
            CustomerService customers, BillingCandidates candidates) {
        this.operator = operator;
        this.candidates = candidates;
        this.repository = repository;
        this.customers = customers;
        this.job = billingRun;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A run as reported. {@code customersTotal} is how many customers it set out to look at (counted at its start; null
     * for runs from before that was counted), {@code customersDone} those billed, skipped or failed so far, and
     * {@code estimatedSecondsLeft} the time left at the pace since it last (re)started — null when not running or not
     * yet known.
     */
    public record Run(long id, YearMonth month, Long customerNumber, String status, int customersBilled, int customersSkipped,
            int customersFailed, int invoices, int creditNotes, BigDecimal totalAmount, Instant startedAt, Instant finishedAt,
            Integer customersTotal, int customersDone, Long estimatedSecondsLeft, List<CustomerFailure> failures) {
    }

    /**
     * The seconds left for the customers not yet done, at the pace since the run last (re)started: null before the
     * first customer since then is done, or when no time has passed (the pace is unknown).
     */
    static Long secondsLeft(Integer total, int done, int doneAtResume, Instant resumedAt, Instant now) {
        int since = done - doneAtResume;
        if (total == null || resumedAt == null || since <= 0) {
            return null;
        }
        long elapsedMillis = java.time.Duration.between(resumedAt, now).toMillis();
        if (elapsedMillis <= 0) {
            return null;
        }
        int left = Math.max(0, total - done);
        // round up: "0 s left" only once nothing is left
        return (left * elapsedMillis + since * 1000L - 1) / (since * 1000L);
    }

    /**
     * The daytime throttle of a run: {@code customersPerChunk} customers per partition at a time (instead of
     * {@code cis.billing.run.chunk-size}) and a pause after each chunk, so a run in office hours leaves the database to
     * the people working in it. A stop is taken during the pause; a restart keeps the pace.
     */
    public record Pace(int customersPerChunk, java.time.Duration pauseBetweenChunks) {

        public static final int MAX_CUSTOMERS_PER_CHUNK = 1000;
        public static final java.time.Duration MAX_PAUSE = java.time.Duration.ofMinutes(10);

        public Pace {
            if (customersPerChunk < 1 || customersPerChunk > MAX_CUSTOMERS_PER_CHUNK) {
                throw new no.kraft.cis.rule.InvalidValueException("billingRun.customersPerChunk",
                        "1–" + MAX_CUSTOMERS_PER_CHUNK + " customers per chunk");
            }
            if (pauseBetweenChunks.isNegative() || pauseBetweenChunks.compareTo(MAX_PAUSE) > 0) {
                throw new no.kraft.cis.rule.InvalidValueException("billingRun.pause", "a pause of 0–600 seconds between chunks");
            }
        }
    }

    /** A customer the run could not bill. */
    public record CustomerFailure(long customerNumber, String reason) {
    }

    /**
     * Starts a run in the background; returns at once with its id.
     *
     * @throws NotFoundException if {@code customerNumber} is given and no such customer exists
     * @throws ConflictException if a run for the month is running
     */
    public Run start(YearMonth month, Long customerNumber) {
        return start(month, customerNumber, null);
    }

    /**
     * Starts a run in the background at {@code pace} (null: the configured chunk size, no pause); returns at once.
     *
     * @throws NotFoundException if {@code customerNumber} is given and no such customer exists
     * @throws ConflictException if a run for the month is running
     */
    public Run start(YearMonth month, Long customerNumber, Pace pace) {
        if (customerNumber != null && customers.find(new CustomerNumber(customerNumber)).isEmpty()) {
            throw new NotFoundException("customer", customerNumber);
        }
        Timestamp now = Timestamp.from(audit.now());
        int total = candidates.count(month, customerNumber);
        long id;
        try {
            id = jdbc.sql("""
                            insert into billing_run (period_from, period_to, customer_number, status, started_at, customers_total,
                                resumed_at, created_at, created_by, updated_at, updated_by)
                            values (:from, :to, :customer, 'STARTED', :now, :total, :now, :now, :actor, :now, :actor) returning id""")
                    .param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1)).param("customer", customerNumber)
                    .param("now", now).param("total", total).param("actor", audit.actor())
                    .query(Long.class).single();
        } catch (DuplicateKeyException running) {
            throw alreadyRunning(month);
        }
        JobParametersBuilder parameters = new JobParametersBuilder().addLong("runId", id).addString("month", month.toString());
        if (customerNumber != null) {
            parameters.addLong("customerNumber", customerNumber);
        }
        if (pace != null) {
            parameters.addLong(PartitionTasklet.CHUNK_SIZE, (long) pace.customersPerChunk())
                    .addLong(PartitionTasklet.PAUSE_MILLIS, pace.pauseBetweenChunks().toMillis());
        }
        launch(id, () -> operator.start(job, parameters.toJobParameters()).getId());
        return get(id);
    }

    /** Restarts a run that stopped or failed; it resumes after the last customer each partition finished. */
    public Run restart(long id) {
        Run run = get(id);
        if (run.status().equals("STARTED") || run.status().equals("COMPLETED")) {
            throw new ConflictException("status", "billingRun.notRestartable", "run " + id + " is " + run.status());
        }
        long execution = executionId(id);
        // the restart is a new Spring Batch execution: until it is recorded (when it ends), a stop finds it by the run's id
        try {
            jdbc.sql("""
                            update billing_run set status = 'STARTED', finished_at = null, resumed_at = :now,
                                done_at_resume = customers_billed + customers_skipped + customers_failed, job_execution_id = null
                            where id = :id""")
                    .param("now", Timestamp.from(audit.now())).param("id", id).update();
        } catch (DuplicateKeyException running) {
            throw alreadyRunning(run.month());
        }
        launch(id, () -> operator.restart(execution));
        return get(id);
    }

    private ConflictException alreadyRunning(YearMonth month) {
        Long running = jdbc.sql("select id from billing_run where period_from = :from and status = 'STARTED'")
                .param("from", month.atDay(1)).query(Long.class).optional().orElse(null);
        return new ConflictException("month", "billingRun.alreadyRunning",
                "billing run " + running + " for " + month + " is running; wait for it, or stop it, before starting another");
    }

    /**
     * At start-up, no run can be running in this instance: a run still marked STARTED was running when the application
     * died. Its Spring Batch execution is recovered (marked failed, so it can be restarted) and the run is marked
     * INTERRUPTED — {@code POST /billing-runs/{id}/restart} resumes it after the last customer each partition committed.
     * Billing is one instance's job (the scheduler runs on one); a second instance starting while another bills would
     * mark that run interrupted too, so the billing instance is the one to restart.
     *
     * @return the runs marked interrupted
     */
    @EventListener(ApplicationReadyEvent.class)
    public List<Long> recoverInterrupted() {
        List<Long> interrupted = jdbc.sql("select id from billing_run where status = 'STARTED' order by id").query(Long.class).list();
        for (long id : interrupted) {
            Long execution = executionByRunParameter(id).orElse(null);
            if (execution != null) {
                JobExecution jobExecution = repository.getJobExecution(execution);
                if (jobExecution != null && jobExecution.isRunning()) {
                    try {
                        operator.recover(jobExecution);
                    } catch (RuntimeException e) {
                        LOG.error("billing run {}: its job execution {} could not be recovered", id, execution, e);
                    }
                }
                jdbc.sql("update billing_run set job_execution_id = :e where id = :id").param("e", execution).param("id", id).update();
            }
            jdbc.sql("update billing_run set status = :status, finished_at = :now, updated_at = :now, updated_by = 'start-up' where id = :id")
                    .param("status", execution == null ? "FAILED" : "INTERRUPTED").param("now", Timestamp.from(audit.now()))
                    .param("id", id).update();
            LOG.warn("billing run {} was running when the application stopped: marked {}", id,
                    execution == null ? "FAILED (never started)" : "INTERRUPTED; restart it to resume");
        }
        return interrupted;
    }

    /** Asks a running run to stop after the customers in progress. */
    public Run stop(long id) {
        if (!get(id).status().equals("STARTED")) {
            throw new ConflictException("status", "billingRun.notRunning", "run " + id + " is not running");
        }
        try {
            operator.stop(executionId(id));
        } catch (Exception e) {
            throw new ConflictException("status", "billingRun.notRunning", "run " + id + " is not running");
        }
        return get(id);
    }

    public Run get(long id) {
        List<CustomerFailure> failures = jdbc.sql("""
                        select cu.customer_number, f.reason from billing_run_failure f join customer cu on cu.id = f.customer_id
                        where f.run_id = :id order by f.id""")
                .param("id", id).query((rs, n) -> new CustomerFailure(rs.getLong(1), rs.getString(2))).list();
        return jdbc.sql("""
                        select id, period_from, customer_number, status, customers_billed, customers_skipped, customers_failed, invoices,
                            credit_notes, total_amount, started_at, finished_at, customers_total, resumed_at, done_at_resume
                        from billing_run where id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    String status = rs.getString(4);
                    int done = rs.getInt(5) + rs.getInt(6) + rs.getInt(7);
                    Integer total = (Integer) rs.getObject(13);
                    Instant resumedAt = rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant();
                    Long left = status.equals("STARTED") ? secondsLeft(total, done, rs.getInt(15), resumedAt, audit.now()) : null;
                    return new Run(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                            (Long) rs.getObject(3), status, rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                            rs.getBigDecimal(10), rs.getTimestamp(11).toInstant(),
                            rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), total, done, left, failures);
                })
                .optional().orElseThrow(() -> new NotFoundException("billing run", id));
    }

    public List<Run> recent() {
        return jdbc.sql("select id from billing_run order by id desc limit 50").query(Long.class).list().stream().map(this::get).toList();
    }

    private interface Launch {
        /** Runs the job to its end; returns its execution id. */
        Long run() throws Exception;
    }

    private void launch(long id, Launch launch) {
        background.submit(() -> {
            try {
                Long execution = launch.run();
                jdbc.sql("update billing_run set job_execution_id = :e where id = :id").param("e", execution).param("id", id).update();
            } catch (Exception e) {
                LOG.error("billing run {} could not start", id, e);
                jdbc.sql("update billing_run set status = 'FAILED', finished_at = now() where id = :id").param("id", id).update();
            }
        });
    }

    private long executionId(long runId) {
        Long execution = jdbc.sql("select job_execution_id from billing_run where id = :id").param("id", runId)
                .query(Long.class).optional().orElse(null);
        if (execution == null) {
            // the job is started but its id not yet recorded: find it by the run parameter
            execution = executionByRunParameter(runId)
                    .orElseThrow(() -> new ConflictException("status", "billingRun.notStarted", "run " + runId + " has not started"));
        }
        return execution;
    }

    /** The latest Spring Batch execution started with this run's id as its parameter. */
    private java.util.Optional<Long> executionByRunParameter(long runId) {
        return jdbc.sql("""
                        select e.job_execution_id from batch_job_execution e
                        join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                        where p.parameter_name = 'runId' and p.parameter_value = :id order by e.job_execution_id desc limit 1""")
                .param("id", Long.toString(runId)).query(Long.class).optional();
    }
}
