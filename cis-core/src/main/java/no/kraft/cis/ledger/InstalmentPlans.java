package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.invoice.Kid;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instalment plans (avdragsordning): a customer's overdue invoices (those not in debt collection) split into N monthly
 * instalments, each with its own KID. Who may get one is {@link InstalmentPlanPolicy} over the dated rule row in force
 * ({@code instalment_plan_rule}); how the amount is split is {@link InstalmentSplit}. A running plan keeps its invoices
 * out of dunning and debt collection ({@link InstalmentPlanCoverage}); an instalment missed — not paid
 * {@code graceDays} after its due date — defaults the plan ({@link #settleDue}, the nightly job), and the invoices are
 * ordinary overdue invoices again.
 */
@Service
@Transactional
public class InstalmentPlans {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final AuditStamp audit;
    private final java.time.Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    InstalmentPlans(Ledger ledger, JdbcClient jdbc, AuditStamp audit, java.time.Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rule row in force on {@code day}. */
    @Transactional(readOnly = true)
    public Optional<InstalmentPlanRule> ruleAt(LocalDate day) {
        return jdbc.sql("""
                        select id, valid_from, valid_to, max_instalments, min_instalment_amount, max_amount, first_due_days, grace_days,
                               default_block_months, latest_first_due_days
                        from instalment_plan_rule where valid_from <= :day and (valid_to is null or valid_to > :day)""")
                .param("day", day).query(InstalmentPlanRule.class).optional();
    }

    /** What plan the customer may get today, or why none. */
    @Transactional(readOnly = true)
    public InstalmentPlanOptions options(long customerId, LocalDate today) {
        return options(customerId, today, ledger.of(customerId, today), null);
    }

    /**
     * What plan the customer may get today over some of the overdue invoices only ({@code invoiceNumbers}; null or empty:
     * all of them).
     *
     * @throws ValidationFailedException {@code plan.invoice} (field {@code invoiceNumbers}) naming an invoice that is not
     *     one of the customer's overdue invoices outside debt collection
     */
    @Transactional(readOnly = true)
    public InstalmentPlanOptions options(long customerId, LocalDate today, java.util.Collection<Long> invoiceNumbers) {
        return options(customerId, today, ledger.of(customerId, today), invoiceNumbers);
    }

    private InstalmentPlanOptions options(long customerId, LocalDate today, CustomerLedger l, java.util.Collection<Long> chosen) {
        List<LedgerItem> overdue = l.items().stream().filter(i -> i.isOverdue(today)).toList();
        List<LedgerItem> eligible = overdue.stream().filter(i -> i.inCollectionSince().isEmpty()).toList();
        if (chosen != null && !chosen.isEmpty()) {
            Set<Long> can = eligible.stream().map(LedgerItem::invoiceNumber).collect(java.util.stream.Collectors.toSet());
            List<Long> cannot = chosen.stream().filter(n -> !can.contains(n)).distinct().sorted().toList();
            if (!cannot.isEmpty()) {
                throw no.kraft.cis.rule.ValidationFailedException.of("invoiceNumbers", "plan.invoice", "invoice "
                        + cannot.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + " can not be in a plan: only the customer's overdue invoices outside debt collection can " + can.stream().sorted().toList());
            }
            Set<Long> picked = Set.copyOf(chosen);
            eligible = eligible.stream().filter(i -> picked.contains(i.invoiceNumber())).toList();
        }
        BigDecimal amount = eligible.stream().map(LedgerItem::open).reduce(ZERO, BigDecimal::add);
        Long active = jdbc.sql("select id from instalment_plan where customer_id = :customer and status = 'ACTIVE'")
                .param("customer", customerId).query(Long.class).optional().orElse(null);
        LocalDate lastDefault = jdbc.sql("select max(ended_on) from instalment_plan where customer_id = :customer and status = 'DEFAULTED'")
                .param("customer", customerId).query(LocalDate.class).optional().orElse(null);
        return InstalmentPlanPolicy.options(ruleAt(today), new InstalmentPlanPolicy.Facts(today, amount,
                eligible.stream().map(LedgerItem::invoiceNumber).toList(), overdue.size() - eligible.size(), active, lastDefault));
    }

    /** What staff and the customer agree on beyond the count: which overdue invoices (null: all), the first due date (null: the rule's). */
    public record Terms(java.util.Collection<Long> invoiceNumbers, LocalDate firstDueDate) {
        public static final Terms DEFAULT = new Terms(null, null);
    }

    /**
     * Makes a plan of {@code instalments} monthly instalments over the customer's overdue invoices not in collection.
     *
     * @throws ConflictException (409, nothing stored) with the first refusal's rule when no plan may be made, or
     *     {@code plan.instalments} when the count is not on offer
     */
    public InstalmentPlan create(long customerId, int instalments, LocalDate today) {
        return create(customerId, instalments, today, Terms.DEFAULT);
    }

    /**
     * As {@link #create(long, int, LocalDate)} on agreed terms: over the chosen overdue invoices only, the first
     * instalment on the agreed day (then monthly).
     *
     * @throws ValidationFailedException {@code plan.invoice} or {@code plan.firstDueDate} (400, nothing stored)
     */
    public InstalmentPlan create(long customerId, int instalments, LocalDate today, Terms terms) {
        // a day outside the range is bad input, told before whether a plan may be made at all
        ruleAt(today).ifPresent(r -> InstalmentPlanPolicy.firstDueDate(r, today, terms.firstDueDate()));
        // the customer row serialises two agents making a plan at once; the invoice rows serialise a hand-over
        jdbc.sql("select id from customer where id = :customer for update").param("customer", customerId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        jdbc.sql("select id from invoice where customer_id = :customer and kind = 'INVOICE' for update").param("customer", customerId)
                .query(Long.class).list();
        CustomerLedger l = ledger.of(customerId, today);
        InstalmentPlanOptions options = options(customerId, today, l, terms.invoiceNumbers());
        if (!options.refusals().isEmpty()) {
            ArrangementOption.Refusal first = options.refusals().getFirst();
            throw new ConflictException("customerNumber", first.rule(), first.reason());
        }
        if (options.choices().stream().noneMatch(c -> c.instalments() == instalments)) {
            int most = options.choices().isEmpty() ? 0 : options.choices().getLast().instalments();
            throw new ConflictException("instalments", "plan.instalments", "a plan of " + options.amount().toPlainString()
                    + " kr can have 2 to " + most + " instalments (each at least the minimum instalment), not " + instalments);
        }
        InstalmentPlanRule rule = ruleAt(today).orElseThrow();
        LocalDate firstDue = InstalmentPlanPolicy.firstDueDate(rule, today, terms.firstDueDate());
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        long planId;
        try {
            planId = jdbc.sql("""
                            insert into instalment_plan (customer_id, status, amount, agreed_on, rule_id, created_at, created_by, updated_at, updated_by)
                            values (:customer, 'ACTIVE', :amount, :today, :rule, :now, :actor, :now, :actor) returning id""")
                    .param("customer", customerId).param("amount", options.amount()).param("today", today).param("rule", rule.id())
                    .param("now", now).param("actor", actor).query(Long.class).single();
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("customerNumber", "plan.active", "you already have a payment plan; only one plan can run at a time");
        }
        Set<Long> covered = Set.copyOf(options.invoiceNumbers());
        for (LedgerItem item : l.items()) {
            if (covered.contains(item.invoiceNumber())) {
                jdbc.sql("insert into instalment_plan_invoice (plan_id, invoice_id, amount) values (:plan, :invoice, :amount)")
                        .param("plan", planId).param("invoice", item.invoiceId()).param("amount", item.open()).update();
            }
        }
        long customerNumber = jdbc.sql("select customer_number from customer where id = :id").param("id", customerId).query(Long.class).single();
        for (InstalmentSplit.Part part : InstalmentSplit.of(options.amount(), instalments, firstDue)) {
            jdbc.sql("insert into instalment (plan_id, seq, due_date, amount, kid) values (:plan, :seq, :due, :amount, :kid)")
                    .param("plan", planId).param("seq", part.seq()).param("due", part.dueDate()).param("amount", part.amount())
                    .param("kid", kid(customerNumber, planId, part.seq()).value()).update();
        }
        // in this transaction: the confirmation to the customer is queued with the plan, or not at all
        events.publishEvent(new InstalmentPlanAgreed(planId, customerId));
        return get(planId, today);
    }

    /**
     * An instalment's KID: customer number (7 digits) + plan number (6 digits, modulo a million) + instalment number
     * (2 digits) + MOD10 — 16 digits, a length of its own beside the invoices' 17 and AvtaleGiro's 8.
     */
    static Kid kid(long customerNumber, long planId, int seq) {
        return Kid.withCheckDigit(String.format("%07d%06d%02d", customerNumber, planId % 1_000_000, seq));
    }

    /** The plan as it stands today. */
    @Transactional(readOnly = true)
    public InstalmentPlan get(long planId, LocalDate today) {
        record Row(long id, long customerId, String status, BigDecimal amount, LocalDate agreedOn, LocalDate endedOn, String endReason,
                long ruleId, long version) {
        }
        Row row = jdbc.sql("""
                        select id, customer_id, status, amount, agreed_on, ended_on, end_reason, rule_id, version
                        from instalment_plan where id = :id""")
                .param("id", planId).query(Row.class).optional().orElseThrow(() -> new NotFoundException("instalmentPlan", planId));
        int graceDays = jdbc.sql("select grace_days from instalment_plan_rule where id = :id").param("id", row.ruleId())
                .query(Integer.class).single();
        CustomerLedger l = ledger.of(row.customerId(), today);
        Map<Long, LedgerItem> byId = new HashMap<>();
        l.items().forEach(i -> byId.put(i.invoiceId(), i));
        List<InstalmentPlan.CoveredInvoice> invoices = jdbc.sql("""
                        select pi.invoice_id, pi.amount from instalment_plan_invoice pi where pi.plan_id = :plan""")
                .param("plan", planId)
                .query((rs, n) -> {
                    LedgerItem item = byId.get(rs.getLong("invoice_id"));
                    return new InstalmentPlan.CoveredInvoice(item.invoiceId(), item.invoiceNumber(), item.dueDate(),
                            rs.getBigDecimal("amount"), item.open());
                }).list().stream()
                .sorted(java.util.Comparator.comparing(InstalmentPlan.CoveredInvoice::dueDate)
                        .thenComparingLong(InstalmentPlan.CoveredInvoice::invoiceNumber))
                .toList();
        BigDecimal stillOpen = invoices.stream().map(InstalmentPlan.CoveredInvoice::openNow).reduce(ZERO, BigDecimal::add);
        BigDecimal paid = row.amount().subtract(stillOpen).max(ZERO).min(row.amount());
        List<InstalmentPlan.Instalment> instalments = jdbc.sql("""
                        select seq, due_date, amount, kid from instalment where plan_id = :plan order by seq""")
                .param("plan", planId)
                .query((rs, n) -> new InstalmentPlan.Instalment(rs.getInt("seq"), rs.getDate("due_date").toLocalDate(),
                        rs.getBigDecimal("amount"), rs.getString("kid"), ZERO, InstalmentPlan.InstalmentStatus.OPEN)).list();
        return new InstalmentPlan(row.id(), row.customerId(), InstalmentPlan.Status.valueOf(row.status()), row.amount(), row.agreedOn(),
                row.endedOn(), row.endReason(), invoices, InstalmentPlanPolicy.settle(instalments, paid, today, graceDays), paid,
                row.version());
    }

    /** The customer's plans, newest first. */
    @Transactional(readOnly = true)
    public List<InstalmentPlan> ofCustomer(long customerId, LocalDate today) {
        return jdbc.sql("select id from instalment_plan where customer_id = :customer order by id desc").param("customer", customerId)
                .query(Long.class).list().stream().map(id -> get(id, today)).toList();
    }

    /**
     * Cancels a running plan (staff): its invoices are ordinary overdue invoices again.
     *
     * @throws ConflictException {@code plan.notActive} when the plan is not running
     */
    public InstalmentPlan cancel(long planId, String reason, LocalDate today) {
        get(planId, today);
        int changed = end(planId, "CANCELLED", reason == null || reason.isBlank() ? "cancelled" : reason, today);
        if (changed == 0) {
            throw new ConflictException("planId", "plan.notActive", "plan " + planId + " is not running and cannot be cancelled");
        }
        return get(planId, today);
    }

    /** What the nightly job did to the running plans. */
    public record Settled(int completed, int defaulted) {
    }

    /**
     * The nightly job: every running plan whose instalments are all paid is {@code COMPLETED}; one with an instalment
     * missed (not paid in full {@code graceDays} after its due date) is {@code DEFAULTED}, and its invoices are ordinary
     * overdue invoices again. Idempotent: a plan that has ended is left alone.
     */
    public Settled settleDue(LocalDate today) {
        int completed = 0;
        int defaulted = 0;
        for (long id : jdbc.sql("select id from instalment_plan where status = 'ACTIVE' order by id").query(Long.class).list()) {
            InstalmentPlan plan = get(id, today);
            if (plan.paid().compareTo(plan.amount()) >= 0) {
                completed += end(id, "COMPLETED", "every instalment paid", today);
                continue;
            }
            Optional<InstalmentPlan.Instalment> missed = plan.instalments().stream()
                    .filter(i -> i.status() == InstalmentPlan.InstalmentStatus.MISSED).findFirst();
            if (missed.isPresent()) {
                InstalmentPlan.Instalment m = missed.get();
                defaulted += end(id, "DEFAULTED", "instalment " + m.seq() + " of " + m.amount().toPlainString() + " kr due " + m.dueDate()
                        + " was not paid (" + m.paid().toPlainString() + " kr paid)", today);
            }
        }
        return new Settled(completed, defaulted);
    }

    private int end(long planId, String status, String reason, LocalDate today) {
        Timestamp now = Timestamp.from(audit.now());
        return jdbc.sql("""
                        update instalment_plan set status = :status, ended_on = :today, end_reason = :reason, version = version + 1,
                            updated_at = :now, updated_by = :actor
                        where id = :id and status = 'ACTIVE'""")
                .param("status", status).param("today", today).param("reason", reason).param("now", now).param("actor", audit.actor())
                .param("id", planId).update();
    }

    /** The invoices (ids) among {@code invoiceIds} that a running plan covers. */
    @Transactional(readOnly = true)
    Set<Long> underActivePlan(Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("""
                        select pi.invoice_id from instalment_plan_invoice pi join instalment_plan p on p.id = pi.plan_id
                        where p.status = 'ACTIVE' and pi.invoice_id in (:ids)""")
                .param("ids", new ArrayList<>(invoiceIds)).query(Long.class).list().stream().collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Where a payment with an instalment's KID goes: the plan's customer and its oldest invoice still open (the last one
     * when all are settled). What it pays beyond that invoice is credit on account, which the ledger applies to the
     * customer's open invoices oldest due date first — the plan's next invoices.
     */
    @Transactional(readOnly = true)
    Optional<InstalmentPlanCoverage.KidTarget> targetOf(String kid) {
        Optional<Long> planId = jdbc.sql("select plan_id from instalment where kid = :kid").param("kid", kid).query(Long.class).optional();
        if (planId.isEmpty()) {
            return Optional.empty();
        }
        long customerId = jdbc.sql("select customer_id from instalment_plan where id = :id").param("id", planId.get())
                .query(Long.class).single();
        Set<Long> covered = Set.copyOf(jdbc.sql("select invoice_id from instalment_plan_invoice where plan_id = :plan")
                .param("plan", planId.get()).query(Long.class).list());
        List<LedgerItem> items = ledger.of(customerId, no.kraft.cis.period.NorwegianTime.today(clock)).items().stream()
                .filter(i -> covered.contains(i.invoiceId()))
                .sorted(java.util.Comparator.comparing(LedgerItem::dueDate).thenComparingLong(LedgerItem::invoiceNumber)).toList();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        LedgerItem target = items.stream().filter(LedgerItem::hasOpenAmount).findFirst().orElse(items.getLast());
        return Optional.of(new InstalmentPlanCoverage.KidTarget(customerId, target.invoiceId()));
    }
}
