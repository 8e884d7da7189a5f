package no.kraft.cis.invoice;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues invoices and credit notes with unique, gap-free numbers, and moves each invoiced metering point's billing
 * horizon. Issuing must happen inside the caller's transaction (the billing of one customer), so that a failure
 * rolls back the invoice, its number and the horizon together.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Invoices {

    private final InvoiceRepository invoices;
    private final JdbcClient jdbc;
    private final AuditStamp audit;

    Invoices(InvoiceRepository invoices, JdbcClient jdbc, AuditStamp audit) {
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Locks the billing horizon of the metering points a customer's billing is about to read (creating a "never
     * invoiced" horizon where there is none), in id order. A meter-value or price change running at the same time then
     * either commits before the billing reads, or waits and is judged against the new horizon — never lost in between.
     */
    public void lockHorizons(java.util.Collection<Long> meteringPointIds) {
        if (meteringPointIds.isEmpty()) {
            return;
        }
        Long[] ids = meteringPointIds.stream().distinct().sorted().toArray(Long[]::new);
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into billing_horizon (metering_point_id, billed_until, version, created_at, created_by, updated_at, updated_by)
                        select unnest(cast(:ids as bigint[])), date '-infinity', 0, cast(:now as timestamptz), cast(:actor as varchar),
                            cast(:now as timestamptz), cast(:actor as varchar)
                        on conflict do nothing""")
                .param("ids", ids).param("now", now).param("actor", audit.actor()).update();
        jdbc.sql("select metering_point_id from billing_horizon where metering_point_id = any(:ids) order by metering_point_id for update")
                .param("ids", ids).query(Long.class).list();
    }

    /** Issues an invoice; the metering points on its lines are invoiced until the period's end. */
    public Invoice issue(NewInvoice invoice, Long replacesInvoiceId) {
        long number = nextNumber();
        Invoice issued = invoices.saveAndFlush(new Invoice(number, Invoice.Kind.INVOICE, invoice.customerId(),
                Kid.of(invoice.customerNumber(), number), invoice.period(), invoice.issueDate(), invoice.dueDate(), invoice.lines(),
                null, replacesInvoiceId, invoice.billingRunId()));
        java.util.Map<Long, LocalDate> horizons = new java.util.TreeMap<>();
        invoice.lines().stream().map(NewInvoiceLine::meteringPointId).filter(java.util.Objects::nonNull)
                .forEach(mp -> horizons.put(mp, invoice.period().to()));
        advanceHorizons(horizons);
        markNeedsHandled(issued);
        return issued;
    }

    /** An invoice issued by {@link #issueAll}. */
    public record Issued(long customerId, long invoiceId, long invoiceNumber, BigDecimal totalAmount) {
    }

    /**
     * Issues many new invoices (none replacing another) at once — the billing run's chunk: the same rows as
     * {@link #issue} writes, in a handful of statements. The invoices and their lines are inserted under provisional
     * (negative) numbers; the real numbers are taken from the counter last, in one update, and written in one more — so
     * the counter's row lock, which every billing transaction needs, is held for two statements and the commit, not for
     * the inserts (each line's foreign-key checks). Numbers follow the order of {@code invoices}; a rollback gives them
     * back, as in {@link #issue}.
     */
    public List<Issued> issueAll(List<NewInvoice> invoices) {
        if (invoices.isEmpty()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        List<Long> provisional = jdbc.sql("select -nextval('invoice_provisional_number') from generate_series(1, :n)")
                .param("n", invoices.size()).query(Long.class).list();
        StringBuilder sql = new StringBuilder("""
                insert into invoice (invoice_number, kind, customer_id, period_from, period_to, issue_date, due_date, kid,
                    net_amount, vat_amount, total_amount, credited, billing_run_id, created_at, created_by, updated_at, updated_by)
                values """);
        List<Object> args = new java.util.ArrayList<>();
        List<BigDecimal> totals = new java.util.ArrayList<>();
        for (int i = 0; i < invoices.size(); i++) {
            NewInvoice invoice = invoices.get(i);
            BigDecimal net = invoice.netAmount();
            BigDecimal vat = invoice.vatAmount();
            totals.add(net.add(vat));
            sql.append(i == 0 ? "" : ",").append("(?, 'INVOICE', ?, ?, ?, ?, ?, '', ?, ?, ?, false, ?, ?, ?, ?, ?)");
            args.addAll(java.util.Arrays.asList(provisional.get(i), invoice.customerId(), invoice.period().from(), invoice.period().to(),
                    invoice.issueDate(), invoice.dueDate(), net, vat, net.add(vat), invoice.billingRunId(), now, actor, now, actor));
        }
        sql.append(" returning invoice_number, id");
        java.util.Map<Long, Long> ids = new java.util.HashMap<>();
        jdbc.sql(sql.toString()).params(args).query((java.sql.ResultSet rs) -> {
            ids.put(rs.getLong(1), rs.getLong(2));
        });
        StringBuilder lines = new StringBuilder();
        List<Object> lineArgs = new java.util.ArrayList<>();
        java.util.Map<Long, LocalDate> horizons = new java.util.TreeMap<>();
        Long[] invoiceIds = new Long[invoices.size()];
        for (int i = 0; i < invoices.size(); i++) {
            NewInvoice invoice = invoices.get(i);
            long id = ids.get(provisional.get(i));
            invoiceIds[i] = id;
            for (int l = 0; l < invoice.lines().size(); l++) {
                NewInvoiceLine line = invoice.lines().get(l);
                lines.append(lines.isEmpty() ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                lineArgs.addAll(java.util.Arrays.asList(id, l + 1, line.meteringPointId(), line.deliveryId(), line.elementCode(),
                        line.text(), line.period().from(), line.period().to(), line.quantity(), line.unit().name(), line.unitPrice(),
                        line.netAmount(), line.vatRate(), line.vatAmount(), now, actor, now, actor));
                if (line.meteringPointId() != null) {
                    horizons.merge(line.meteringPointId(), invoice.period().to(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        if (!lineArgs.isEmpty()) {
            jdbc.sql("""
                    insert into invoice_line (invoice_id, line_number, metering_point_id, delivery_id, element_code, text, period_from,
                        period_to, quantity, unit, unit_price, net_amount, vat_rate, vat_amount, created_at, created_by, updated_at,
                        updated_by) values """ + lines).params(lineArgs).update();
        }
        advanceHorizons(horizons);
        // last: the real numbers (the counter's row stays locked to the commit) and the KIDs made from them
        long last = jdbc.sql("update invoice_number_counter set last_number = last_number + :n where id = 1 returning last_number")
                .param("n", invoices.size()).query(Long.class).single();
        long first = last - invoices.size() + 1;
        Long[] numbers = new Long[invoices.size()];
        String[] kids = new String[invoices.size()];
        List<Issued> issued = new java.util.ArrayList<>();
        for (int i = 0; i < invoices.size(); i++) {
            numbers[i] = first + i;
            kids[i] = Kid.of(invoices.get(i).customerNumber(), first + i).value();
            issued.add(new Issued(invoices.get(i).customerId(), invoiceIds[i], first + i, totals.get(i)));
        }
        jdbc.sql("""
                        update invoice i set invoice_number = v.number, kid = v.kid
                        from unnest(cast(:ids as bigint[]), cast(:numbers as bigint[]), cast(:kids as varchar[])) as v(id, number, kid)
                        where i.id = v.id""")
                .param("ids", invoiceIds).param("numbers", numbers).param("kids", kids).update();
        return issued;
    }

    /** Which of these customers have a standing invoice for exactly {@code period}. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public java.util.Set<Long> withStanding(java.util.Collection<Long> customerIds, Period period) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select customer_id from invoice
                        where customer_id = any(:ids) and kind = 'INVOICE' and not credited and period_from = :from and period_to = :to""")
                .param("ids", customerIds.toArray(Long[]::new)).param("from", period.from()).param("to", period.to())
                .query(Long.class).list());
    }

    /** Cancels an invoice in full with a credit note of the opposite lines. */
    public Invoice credit(long invoiceId, long customerNumber, LocalDate issueDate, Long billingRunId) {
        Invoice original = invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        if (original.kind() != Invoice.Kind.INVOICE || original.credited()) {
            throw new IllegalStateException("invoice " + original.invoiceNumber() + " cannot be credited");
        }
        long number = nextNumber();
        Invoice credit = new Invoice(number, Invoice.Kind.CREDIT_NOTE, original.customerId(), Kid.of(customerNumber, number),
                original.period(), issueDate, issueDate, original.lines().stream().map(InvoiceLine::reversed).toList(),
                original.id(), null, billingRunId);
        original.markCredited();
        invoices.saveAndFlush(original);
        return invoices.saveAndFlush(credit);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Invoice> standing(long customerId, Period period) {
        return invoices.findByCustomerIdAndPeriodFromAndPeriodToAndKindAndCreditedFalse(customerId, period.from(), period.to(),
                Invoice.Kind.INVOICE);
    }

    /** The customer's invoices that stand (not credited), oldest period first. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<Invoice> standing(long customerId) {
        return invoices.findByCustomerIdAndKindAndCreditedFalseOrderByPeriodFrom(customerId, Invoice.Kind.INVOICE);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<Invoice> ofCustomer(long customerId) {
        return invoices.findByCustomerIdOrderByInvoiceNumber(customerId);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Invoice byNumber(long invoiceNumber) {
        return invoices.findByInvoiceNumber(invoiceNumber).orElseThrow(() -> new NotFoundException("invoice", invoiceNumber));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Invoice> find(long invoiceNumber) {
        return invoices.findByInvoiceNumber(invoiceNumber);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long numberOf(long invoiceId) {
        return invoices.findById(invoiceId).map(Invoice::invoiceNumber).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
    }

    /** Every need on the invoice's metering points and days is now reflected in it, for its customer. */
    private void markNeedsHandled(Invoice invoice) {
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        List<Long> needs = jdbc.sql("""
                        insert into recalculation_need_handled (need_id, customer_id, invoice_id, created_at, created_by, updated_at, updated_by)
                        select distinct r.id, cast(:customer as bigint), cast(:invoice as bigint), cast(:now as timestamptz),
                            cast(:actor as varchar), cast(:now as timestamptz), cast(:actor as varchar)
                        from recalculation_need r join invoice_line l on l.metering_point_id = r.metering_point_id
                            and daterange(r.period_from, r.period_to, '[)') && daterange(l.period_from, l.period_to, '[)')
                        where l.invoice_id = :invoice
                        on conflict do nothing
                        returning need_id""")
                .param("customer", invoice.customerId()).param("invoice", invoice.id()).param("now", now).param("actor", actor)
                .query(Long.class).list();
        if (!needs.isEmpty()) {
            jdbc.sql("update recalculation_need set consumed_at = :now, consumed_by = :actor, updated_at = :now, updated_by = :actor "
                            + "where id in (:ids) and consumed_at is null")
                    .param("now", now).param("actor", actor).param("ids", needs).update();
        }
    }

    /** The next number, under a row lock held to the end of the caller's transaction: rolled back, it is given back. */
    private long nextNumber() {
        return jdbc.sql("update invoice_number_counter set last_number = last_number + 1 where id = 1 returning last_number")
                .query(Long.class).single();
    }

    /** Moves each metering point's billing horizon up to its day (never back), in one statement. */
    private void advanceHorizons(java.util.Map<Long, LocalDate> untils) {
        if (untils.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into billing_horizon (metering_point_id, billed_until, version, created_at, created_by, updated_at, updated_by)
                        select mp, until, 0, cast(:now as timestamptz), cast(:actor as varchar), cast(:now as timestamptz), cast(:actor as varchar)
                        from unnest(cast(:mps as bigint[]), cast(:untils as date[])) as h(mp, until)
                        on conflict (metering_point_id) do update
                            set billed_until = greatest(billing_horizon.billed_until, excluded.billed_until),
                                version = billing_horizon.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("mps", untils.keySet().toArray(Long[]::new))
                .param("untils", untils.values().stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .param("now", now).param("actor", audit.actor()).update();
    }
}
