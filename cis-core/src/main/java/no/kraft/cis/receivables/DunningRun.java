package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.kraft.cis.ledger.CreditOnAccount;
import no.kraft.cis.ledger.DebtCollection;
import no.kraft.cis.ledger.LedgerCharges;
import no.kraft.cis.period.NorwegianTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly dunning job (purrekjøring): for a day, every invoice that is due or overdue with something open is read
 * set-based in chunks of customers, made a {@link DunningCase} with its {@link StoppingFacts}, given to
 * {@link DunningSteps#decide}, and each step it answers is recorded as a dunning event on the invoice — with its fee
 * charged to the ledger ({@link LedgerCharges}), its notice queued ({@link DunningNotices}), or the claim handed over
 * ({@link DebtCollection#handOver}).
 *
 * <p>Each chunk is its own transaction. A notice step happens at most once per invoice (unique index on
 * {@code dunning_event (invoice_id, step)}; the insert skips what is there), so running the same day again adds nothing,
 * and a run killed half-way leaves whole chunks done: the rerun does the rest and never sends a notice twice. A
 * missing interest rate never fails the run: the notice shows no interest, says why, and the run reports the day.
 */
@Service
public class DunningRun {

    /** Who the job's events are by. */
    public static final String ACTOR = "dunning-job";

    private static final Logger log = LoggerFactory.getLogger(DunningRun.class);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** What a run did. {@code stepsByKind}: FRIENDLY_REMINDER, PURRING, INKASSOVARSEL, HAND_OVER → how many. */
    public record Report(long runId, LocalDate day, int claimsExamined, int stepsTaken, Map<String, Integer> stepsByKind,
            Map<String, Integer> nothingBecause, LocalDate interestRateMissingFrom, List<String> warnings, boolean finished) {
    }

    private final JdbcClient jdbc;
    private final ReceivablesRules rules;
    private final LedgerCharges charges;
    private final DebtCollection collection;
    private final ObjectProvider<DunningNotices> notices;
    private final ObjectProvider<PaymentPlanCoverage> plans;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int chunkSize;
    private final int threads;
    private final String agency;

    DunningRun(JdbcClient jdbc, ReceivablesRules rules, LedgerCharges charges, DebtCollection collection,
            ObjectProvider<DunningNotices> notices, ObjectProvider<PaymentPlanCoverage> plans, PlatformTransactionManager transactions,
            Clock clock, @Value("${cis.dunning.chunk-size:2000}") int chunkSize, @Value("${cis.dunning.threads:4}") int threads,
            @Value("${cis.dunning.collection-agency:inkassobyrå}") String agency) {
        this.threads = Math.max(1, threads);
        this.jdbc = jdbc;
        this.rules = rules;
        this.charges = charges;
        this.collection = collection;
        this.notices = notices;
        this.plans = plans;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.agency = agency;
    }

    /** The nightly run for today (Norwegian time, from the clock), over every customer. */
    public Report runToday() {
        return run(NorwegianTime.today(clock), ACTOR, null);
    }

    /** Today's run (from the clock) for these customers only. */
    public Report runToday(String startedBy, Collection<Long> customerIds) {
        return run(NorwegianTime.today(clock), startedBy, customerIds);
    }

    /**
     * Runs the dunning process for {@code day}.
     *
     * @param startedBy who started the run (the job, or a staff user); the steps are the job's either way
     * @param customerIds only these customers (a staff run for one customer; tests), {@code null} for all
     */
    public Report run(LocalDate day, String startedBy, Collection<Long> customerIds) {
        return run(day, startedBy, customerIds, Integer.MAX_VALUE);
    }

    /** As {@link #run(LocalDate, String, Collection)}, stopping after {@code maxChunks} chunks (a run killed half-way). */
    Report run(LocalDate day, String startedBy, Collection<Long> customerIds, int maxChunks) {
        Timestamp started = Timestamp.from(clock.instant());
        long runId = jdbc.sql("""
                        insert into dunning_run (day, started_at, started_by, status) values (:day, :at, :by, 'RUNNING') returning id""")
                .param("day", day).param("at", started).param("by", startedBy).query(Long.class).single();
        Tally tally = new Tally();
        List<Long> customers = candidates(day, customerIds);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < customers.size(); from += chunkSize) {
            chunks.add(customers.subList(from, Math.min(customers.size(), from + chunkSize)));
        }
        boolean finished = chunks.size() <= maxChunks;
        List<List<Long>> todo = finished ? chunks : chunks.subList(0, maxChunks);
        // chunks are disjoint sets of customers, each its own transaction: they may run side by side
        int parallel = Math.min(threads, Math.max(1, todo.size()));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel)) {
            List<java.util.concurrent.Future<Tally>> done = new ArrayList<>();
            for (List<Long> chunk : todo) {
                done.add(pool.submit(() -> {
                    Tally mine = new Tally();
                    List<HandOver> handOvers = transaction.execute(tx -> chunk(runId, day, chunk, mine));
                    handOvers.forEach(h -> handOver(runId, day, h, mine));
                    return mine;
                }));
            }
            for (var f : done) {
                tally.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dunning run " + runId + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            jdbc.sql("update dunning_run set finished_at = :at, status = 'FAILED' where id = :id")
                    .param("at", Timestamp.from(clock.instant())).param("id", runId).update();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        if (finished) {
            jdbc.sql("""
                            update dunning_run set finished_at = :at, status = 'FINISHED', claims_examined = :examined, steps_taken = :steps,
                                steps_by_kind = :kinds, interest_missing_from = :missing where id = :id""")
                    .param("at", Timestamp.from(clock.instant())).param("examined", tally.examined).param("steps", tally.steps())
                    .param("kinds", tally.stepsByKind.toString()).param("missing", tally.missingFrom).param("id", runId).update();
        }
        if (tally.missingFrom != null) {
            log.warn("dunning run {} for {}: no forsinkelsesrente entered for {} onwards; notices went without interest", runId, day,
                    tally.missingFrom);
        }
        return new Report(runId, day, tally.examined, tally.steps(), Map.copyOf(tally.stepsByKind), Map.copyOf(tally.nothing),
                tally.missingFrom, List.copyOf(tally.warnings), finished);
    }

    private static final class Tally {
        int examined;
        final Map<String, Integer> stepsByKind = new TreeMap<>();
        final Map<String, Integer> nothing = new TreeMap<>();
        LocalDate missingFrom;
        final List<String> warnings = new ArrayList<>();

        int steps() {
            return stepsByKind.values().stream().mapToInt(Integer::intValue).sum();
        }

        void step(String kind) {
            stepsByKind.merge(kind, 1, Integer::sum);
        }

        void add(Tally other) {
            examined += other.examined;
            other.stepsByKind.forEach((k, v) -> stepsByKind.merge(k, v, Integer::sum));
            other.nothing.forEach((k, v) -> nothing.merge(k, v, Integer::sum));
            missing(other.missingFrom);
            warnings.addAll(other.warnings);
        }

        void missing(LocalDate day) {
            if (day != null && (missingFrom == null || day.isBefore(missingFrom))) {
                missingFrom = day;
            }
        }
    }

    /**
     * The customers with an invoice due on or before {@code day} (due date in force) with something left on it by its own
     * payments, credit notes and charges, not in collection and not stopped by staff. Set-based: hash aggregates over
     * the credit-note and charge tables, no look-up per invoice; what its payments add up to is {@code
     * invoice.paid_amount}, which the database keeps from the payment rows (so no sum over every payment there is).
     * Only a pre-selection: each chunk then reads its invoices' amounts from the rows themselves.
     */
    private List<Long> candidates(LocalDate day, Collection<Long> customerIds) {
        String scope = customerIds == null ? "" : " and i.customer_id = any(:customers)";
        var sql = jdbc.sql("""
                with due as (
                    select i.id, i.customer_id, i.total_amount, i.paid_amount from invoice i
                    left join invoice_postponement pp on pp.invoice_id = i.id
                    where i.kind = 'INVOICE' and coalesce(pp.new_due_date, i.due_date) <= :day
                      and not exists (select 1 from invoice_debt_collection dc where dc.invoice_id = i.id)
                      and not exists (select 1 from dunning_hold h where h.invoice_id = i.id and h.kind = 'STOPPED')""" + scope + """
                ), credited as (
                    select credits_invoice_id as id, sum(total_amount) as amount from invoice where credits_invoice_id is not null group by 1
                ), charged as (
                    select invoice_id as id, sum(amount) as amount from invoice_charge group by 1
                )
                select distinct d.customer_id from due d
                left join credited c on c.id = d.id left join charged ch on ch.id = d.id
                where d.total_amount + coalesce(c.amount, 0) + coalesce(ch.amount, 0) - d.paid_amount > 0
                order by 1""").param("day", day);
        if (customerIds != null) {
            sql = sql.param("customers", customerIds.toArray(Long[]::new));
        }
        return sql.query(Long.class).list();
    }

    private record Row(long id, long customerId, long invoiceNumber, String kid, BigDecimal total, LocalDate dueDate,
            LocalDate postponedTo, BigDecimal credited, boolean hasCreditNote, BigDecimal charges, BigDecimal paid,
            boolean inCollection, String hold, boolean disputed, BigDecimal interestCharged) {

        LocalDate dueInForce() {
            return postponedTo != null ? postponedTo : dueDate;
        }

        BigDecimal left() {
            return total.add(credited).add(charges).subtract(paid).setScale(2);
        }
    }

    /** The chunk's customers' invoices with their sums: grouped reads of the chunk's rows, no sub-query per invoice. */
    private static final String INVOICES = """
            with inv as (
                select i.id, i.customer_id, i.invoice_number, i.kid, i.total_amount, i.due_date from invoice i
                where i.customer_id = any(:customers) and i.kind = 'INVOICE'
            ), credited as (
                select x.credits_invoice_id as id, sum(x.total_amount) as amount, count(*) as n from invoice x
                where x.credits_invoice_id in (select id from inv) group by 1
            ), paid as (
                select x.invoice_id as id, sum(x.amount) as amount from payment x where x.invoice_id in (select id from inv) group by 1
            ), charged as (
                select x.invoice_id as id, sum(x.amount) as amount from invoice_charge x where x.invoice_id in (select id from inv) group by 1
            ), interest as (
                select x.invoice_id as id, sum(x.interest_charged) as amount from dunning_event x
                where x.invoice_id in (select id from inv) and x.interest_charged > 0 group by 1
            ), disputed as (
                select distinct s.invoice_number from service_case s
                where s.invoice_number in (select invoice_number from inv) and s.kind = 'COMPLAINT' and s.status <> 'CLOSED'
            )
            select inv.id, inv.customer_id, inv.invoice_number, inv.kid, inv.total_amount, inv.due_date, pp.new_due_date,
                   coalesce(c.amount, 0) as credited, coalesce(c.n, 0) > 0 as has_credit_note, coalesce(ch.amount, 0) as charges,
                   coalesce(p.amount, 0) as paid, dc.invoice_id is not null as in_collection, h.kind as hold,
                   d.invoice_number is not null as disputed, coalesce(e.amount, 0) as interest_charged
            from inv
            left join invoice_postponement pp on pp.invoice_id = inv.id
            left join invoice_debt_collection dc on dc.invoice_id = inv.id
            left join dunning_hold h on h.invoice_id = inv.id
            left join credited c on c.id = inv.id
            left join paid p on p.id = inv.id
            left join charged ch on ch.id = inv.id
            left join interest e on e.id = inv.id
            left join disputed d on d.invoice_number = inv.invoice_number""";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("customer_id"), rs.getLong("invoice_number"), rs.getString("kid"),
                rs.getBigDecimal("total_amount"), rs.getObject("due_date", LocalDate.class), rs.getObject("new_due_date", LocalDate.class),
                rs.getBigDecimal("credited"), rs.getBoolean("has_credit_note"), rs.getBigDecimal("charges"), rs.getBigDecimal("paid"),
                rs.getBoolean("in_collection"), rs.getString("hold"), rs.getBoolean("disputed"), rs.getBigDecimal("interest_charged"));
    }

    /** A step decided for one invoice, before it is stored. */
    private record Step(Row invoice, DunningDecision decision, BigDecimal interestToCharge) {
    }

    private record HandOver(Row invoice, DunningDecision decision) {
    }

    private List<HandOver> chunk(long runId, LocalDate day, List<Long> customers, Tally tally) {
        Long[] ids = customers.toArray(Long[]::new);
        List<Row> invoices = jdbc.sql(INVOICES).param("customers", ids).query(DunningRun::row).list();
        // the balance: what the invoices leave (their own credit notes, charges and payments) plus what is not tied to
        // an invoice — credit notes of no invoice, payments on account or on a credit note's KID
        Map<Long, BigDecimal> balances = new HashMap<>();
        invoices.forEach(r -> balances.merge(r.customerId(), r.left(), BigDecimal::add));
        jdbc.sql("""
                        select d.customer_id, d.total_amount as amount from invoice d
                        where d.customer_id = any(:customers) and d.kind = 'CREDIT_NOTE' and d.credits_invoice_id is null
                        union all
                        select p.customer_id, -p.amount from payment p left join invoice x on x.id = p.invoice_id
                        where p.customer_id = any(:customers) and (p.invoice_id is null or x.kind <> 'INVOICE')""")
                .param("customers", ids).query((ResultSet rs) -> {
                    balances.merge(rs.getLong(1), rs.getBigDecimal(2), BigDecimal::add);
                });
        // the ledger's open amount per invoice: its own payments, credit notes and charges, then credit on account
        Map<Long, List<Row>> byCustomer = invoices.stream().collect(Collectors.groupingBy(Row::customerId));
        Map<Long, BigDecimal> open = new HashMap<>();
        byCustomer.forEach((customer, rows) -> {
            List<CreditOnAccount.Claim> claims = rows.stream()
                    .map(r -> new CreditOnAccount.Claim(r.id(), r.invoiceNumber(), r.dueInForce(), r.left())).toList();
            Map<Long, BigDecimal> fromAccount = CreditOnAccount.settled(claims, balances.getOrDefault(customer, ZERO));
            rows.forEach(r -> open.put(r.id(), r.left().max(ZERO).subtract(fromAccount.getOrDefault(r.id(), ZERO))));
        });
        List<Row> candidates = invoices.stream()
                .filter(r -> !r.dueInForce().isAfter(day) && !r.inCollection() && !"STOPPED".equals(r.hold()) && r.left().signum() > 0)
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Long[] candidateIds = candidates.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<BalanceChange>> changes = new HashMap<>();
        jdbc.sql("""
                        select p.invoice_id, p.paid_on as on_day, -p.amount as amount from payment p where p.invoice_id = any(:ids)
                        union all
                        select c.credits_invoice_id, c.issue_date, c.total_amount from invoice c where c.credits_invoice_id = any(:ids)""")
                .param("ids", candidateIds).query((ResultSet rs) -> {
                    changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new BalanceChange(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)));
                });
        Map<Long, List<SentNotice>> sent = new HashMap<>();
        jdbc.sql("""
                        select invoice_id, step, day, deadline, fee from dunning_event
                        where invoice_id = any(:ids) and step in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL')""")
                .param("ids", candidateIds).query((ResultSet rs) -> {
                    sent.computeIfAbsent(rs.getLong("invoice_id"), k -> new ArrayList<>()).add(new SentNotice(
                            NoticeKind.valueOf(rs.getString("step")), rs.getObject("day", LocalDate.class),
                            rs.getObject("deadline", LocalDate.class), rs.getBigDecimal("fee")));
                });
        Map<Long, Set<Integer>> segments = segments(ids, day);
        Set<Long> underPlan = plans.getIfAvailable(() -> (invoiceIds, d) -> Set.of()).coveredInvoiceIds(List.of(candidateIds), day);

        Map<Set<Integer>, DunningRules> rulesBySegments = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        List<HandOver> handOvers = new ArrayList<>();
        for (Row r : candidates) {
            tally.examined++;
            if ("PAUSED".equals(r.hold())) {
                tally.nothing.merge("PAUSED_BY_STAFF", 1, Integer::sum);
                continue;
            }
            List<BalanceChange> interestBase = new ArrayList<>();
            interestBase.add(new BalanceChange(r.dueInForce(), r.total()));
            interestBase.addAll(changes.getOrDefault(r.id(), List.of()));
            StoppingFacts stops = new StoppingFacts(r.hasCreditNote(), r.disputed(), underPlan.contains(r.id()), r.inCollection());
            DunningCase claim = new DunningCase(open.get(r.id()), balances.getOrDefault(r.customerId(), ZERO), r.dueInForce(),
                    interestBase, sent.getOrDefault(r.id(), List.of()), stops);
            DunningRules dayRules = rulesBySegments.computeIfAbsent(segments.getOrDefault(r.customerId(), Set.of()),
                    s -> rules.on(day, s));
            DunningDecision decision;
            try {
                decision = DunningSteps.decide(claim, dayRules, day);
            } catch (IllegalArgumentException notForThisDay) {
                // e.g. a run for a day before notices already sent: that claim is left as it is
                tally.warnings.add("invoice " + r.invoiceNumber() + ": " + notForThisDay.getMessage());
                continue;
            }
            if (!decision.acts()) {
                tally.nothing.merge(decision.reason().name(), 1, Integer::sum);
                continue;
            }
            tally.missing(decision.interestRateMissingFrom());
            if (decision.action() == DunningDecision.Action.HAND_OVER) {
                handOvers.add(new HandOver(r, decision));
                continue;
            }
            BigDecimal interestToCharge = ZERO;
            if (decision.interestCharged() && decision.interest() != null && decision.action() != DunningDecision.Action.FRIENDLY_REMINDER) {
                interestToCharge = decision.interest().subtract(r.interestCharged()).max(ZERO).setScale(2);
            }
            steps.add(new Step(r, decision, interestToCharge));
        }
        record(runId, day, steps, tally);
        return handOvers;
    }

    /** The customers' segments on the day: memberships of their contracts and of the metering points they are supplied at. */
    private Map<Long, Set<Integer>> segments(Long[] customers, LocalDate day) {
        Map<Long, Set<Integer>> segments = new HashMap<>();
        jdbc.sql("""
                        select c.customer_id, sm.segment_id from segment_membership sm join contract c on c.id = sm.contract_id
                        where c.customer_id = any(:customers) and sm.valid_from <= :day and (sm.valid_to is null or sm.valid_to > :day)
                        union
                        select c.customer_id, sm.segment_id from segment_membership sm
                        join delivery d on d.metering_point_id = sm.metering_point_id join contract c on c.id = d.contract_id
                        where c.customer_id = any(:customers) and d.valid_from <= :day and (d.valid_to is null or d.valid_to > :day)
                          and sm.valid_from <= :day and (sm.valid_to is null or sm.valid_to > :day)""")
                .param("customers", customers).param("day", day).query((ResultSet rs) -> {
                    segments.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getInt(2));
                });
        return segments;
    }

    /**
     * Stores the chunk's steps in one statement (those already there are skipped by the unique index), charges the
     * fees and interest of those that were new, and queues their notices.
     */
    private void record(long runId, LocalDate day, List<Step> steps, Tally tally) {
        if (steps.isEmpty()) {
            return;
        }
        Map<String, Step> byKey = new HashMap<>();
        steps.forEach(s -> byKey.put(s.invoice().id() + ":" + s.decision().action().name(), s));
        DunningNotices adapter = notices.getIfAvailable();
        Map<Long, NoticeKind> kinds = new HashMap<>();
        steps.forEach(s -> kinds.put(s.invoice().id(), NoticeKind.valueOf(s.decision().action().name())));
        Map<Long, NoticeChannel> channels = adapter == null ? Map.of() : adapter.channels(kinds);
        Timestamp now = Timestamp.from(clock.instant());
        Map<Long, Step> byEvent = new HashMap<>();
        jdbc.sql("""
                        insert into dunning_event (invoice_id, step, day, amount, fee, fee_rule, deadline, interest, interest_charged,
                            interest_note, channel, actor, run_id, created_at)
                        select e.invoice_id, e.step, :day, e.amount, e.fee, e.fee_rule, e.deadline, e.interest, e.interest_charged,
                            e.interest_note, e.channel, :actor, :run, :now
                        from unnest(cast(:invoices as bigint[]), cast(:steps as varchar[]), cast(:amounts as numeric[]),
                                    cast(:fees as numeric[]), cast(:feeRules as varchar[]), cast(:deadlines as date[]),
                                    cast(:interests as numeric[]), cast(:charged as numeric[]), cast(:notes as varchar[]),
                                    cast(:channels as varchar[]))
                             as e(invoice_id, step, amount, fee, fee_rule, deadline, interest, interest_charged, interest_note, channel)
                        on conflict (invoice_id, step) where step in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL', 'HAND_OVER') do nothing
                        returning id, invoice_id, step""")
                .param("invoices", steps.stream().map(s -> s.invoice().id()).toArray(Long[]::new))
                .param("steps", steps.stream().map(s -> s.decision().action().name()).toArray(String[]::new))
                .param("amounts", steps.stream().map(s -> s.decision().amount().setScale(2).toPlainString()).toArray(String[]::new))
                .param("fees", steps.stream().map(s -> s.decision().fee().setScale(2).toPlainString()).toArray(String[]::new))
                .param("feeRules", steps.stream().map(s -> s.decision().feeRule().name()).toArray(String[]::new))
                .param("deadlines", steps.stream().map(s -> s.decision().deadline() == null ? null : s.decision().deadline().toString())
                        .toArray(String[]::new))
                .param("interests", steps.stream().map(s -> s.decision().interest() == null ? null : s.decision().interest().toPlainString())
                        .toArray(String[]::new))
                .param("charged", steps.stream().map(s -> s.interestToCharge().toPlainString()).toArray(String[]::new))
                .param("notes", steps.stream().map(s -> interestNote(s.decision())).toArray(String[]::new))
                .param("channels", steps.stream().map(s -> channels.getOrDefault(s.invoice().id(), NoticeChannel.NONE).name())
                        .toArray(String[]::new))
                .param("day", day).param("actor", ACTOR).param("run", runId).param("now", now)
                .query((ResultSet rs) -> {
                    Step s = byKey.get(rs.getLong("invoice_id") + ":" + rs.getString("step"));
                    byEvent.put(rs.getLong("id"), s);
                });
        if (byEvent.isEmpty()) {
            return;
        }
        List<LedgerCharges.NewCharge> newCharges = new ArrayList<>();
        List<DunningNotice> toSend = new ArrayList<>();
        byEvent.forEach((eventId, s) -> {
            DunningDecision d = s.decision();
            Row r = s.invoice();
            tally.step(d.action().name());
            String what = label(d.action()) + " " + day;
            if (d.fee().signum() > 0) {
                newCharges.add(new LedgerCharges.NewCharge(r.id(), LedgerCharges.Kind.REMINDER_FEE, d.fee(), day, "gebyr, " + what));
            }
            if (s.interestToCharge().signum() > 0) {
                newCharges.add(new LedgerCharges.NewCharge(r.id(), LedgerCharges.Kind.LATE_INTEREST, s.interestToCharge(), day,
                        "forsinkelsesrente til " + day + ", " + what));
            }
            BigDecimal toPay = d.amount().add(d.fee()).add(s.interestToCharge());
            toSend.add(new DunningNotice(eventId, r.id(), r.invoiceNumber(), r.customerId(), NoticeKind.valueOf(d.action().name()),
                    channels.getOrDefault(r.id(), NoticeChannel.NONE), day,
                    r.kid(), r.dueInForce(), r.total(), d.amount(), d.fee(), d.interest(), d.interestCharged(), interestNote(d),
                    d.deadline(), toPay.setScale(2)));
        });
        charges.chargeAll(newCharges);
        if (adapter != null) {
            adapter.queue(toSend.stream().filter(n -> n.channel() != NoticeChannel.NONE).toList());
        }
    }

    /** A hand-over in a transaction of its own: the event and the debt-collection mark together, or neither. */
    private void handOver(long runId, LocalDate day, HandOver h, Tally tally) {
        Row r = h.invoice();
        DunningDecision d = h.decision();
        try {
            transaction.executeWithoutResult(tx -> {
                Long event = jdbc.sql("""
                                insert into dunning_event (invoice_id, step, day, amount, fee, fee_rule, interest, interest_note, channel, actor,
                                    run_id, created_at)
                                values (:invoice, 'HAND_OVER', :day, :amount, 0, :feeRule, :interest, :note, 'AGENCY', :actor, :run, :now)
                                on conflict (invoice_id, step) where step in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL', 'HAND_OVER')
                                do nothing returning id""")
                        .param("invoice", r.id()).param("day", day).param("amount", d.amount()).param("feeRule", d.feeRule().name())
                        .param("interest", d.interest()).param("note", interestNote(d)).param("actor", ACTOR).param("run", runId)
                        .param("now", Timestamp.from(clock.instant())).query(Long.class).optional().orElse(null);
                if (event != null) {
                    collection.handOver(r.customerId(), r.invoiceNumber(), agency, day);
                    tally.step(d.action().name());
                }
            });
        } catch (RuntimeException e) {
            // one claim the ledger refuses to hand over (e.g. paid between the read and now) does not stop the run
            String warning = "invoice " + r.invoiceNumber() + " not handed over: " + e.getMessage();
            log.warn("dunning run {}: {}", runId, warning);
            tally.warnings.add(warning);
        }
    }

    static String interestNote(DunningDecision d) {
        if (d.interestRateMissingFrom() == null) {
            return null;
        }
        return "Forsinkelsesrente er ikke beregnet: satsen for halvåret fra " + halfYearOf(d.interestRateMissingFrom())
                + " er ikke fastsatt ennå. Renten kommer i tillegg.";
    }

    private static LocalDate halfYearOf(LocalDate day) {
        return LocalDate.of(day.getYear(), day.getMonthValue() < 7 ? 1 : 7, 1);
    }

    private static String label(DunningDecision.Action action) {
        return switch (action) {
            case FRIENDLY_REMINDER -> "påminnelse";
            case PURRING -> "purring";
            case INKASSOVARSEL -> "inkassovarsel";
            case HAND_OVER -> "overført til inkasso";
            case NOTHING -> "";
        };
    }
}
