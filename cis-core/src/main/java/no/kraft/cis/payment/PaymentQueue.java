package no.kraft.cis.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.customer.SearchName;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manual-matching queue: payments no rule could place, oldest first, each with up to five suggested open invoices
 * — a KID one or two typing mistakes away, the same amount, a payer whose account or name is a customer's — and the
 * command that matches one by hand.
 */
@Service
@Transactional
public class PaymentQueue {

    static final int SUGGESTIONS = 5;

    private final JdbcClient jdbc;
    private final PaymentMatches matches;

    PaymentQueue(JdbcClient jdbc, PaymentMatches matches) {
        this.jdbc = jdbc;
        this.matches = matches;
    }

    /** One page of the queue. */
    public record QueuePage(List<QueuedPayment> items, int page, int size, long total) {
    }

    private static final String VIEW = """
            select p.id, p.bank_reference, p.paid_on, p.amount, p.kid, p.payer_name, p.payer_account, p.status, p.match_rule, p.held_reason,
                   c.customer_number, i.invoice_number
            from payment p left join customer c on c.id = p.customer_id left join invoice i on i.id = p.invoice_id
            """;

    @Transactional(readOnly = true)
    public QueuePage waiting(int page, int size) {
        List<PaymentView> payments = jdbc.sql(VIEW + " where p.status = 'UNMATCHED' order by p.paid_on, p.id limit :limit offset :offset")
                .param("limit", size).param("offset", (long) page * size).query(PaymentQueue::view).list();
        long total = jdbc.sql("select count(*) from payment where status = 'UNMATCHED'").query(Long.class).single();
        return new QueuePage(payments.stream().map(p -> new QueuedPayment(p, suggestionsFor(p))).toList(), page, size, total);
    }

    @Transactional(readOnly = true)
    public PaymentView get(long paymentId) {
        return jdbc.sql(VIEW + " where p.id = :id").param("id", paymentId).query(PaymentQueue::view).optional()
                .orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    /**
     * Matches a queued payment by hand to an invoice (the customer follows) or, with no invoice, to a customer's
     * account. Refused when the payment is matched already.
     */
    public PaymentView match(long paymentId, Long invoiceNumber, Long customerNumber) {
        record Locked(String status, String payerAccount) {
        }
        Locked locked = jdbc.sql("select status, payer_account from payment where id = :id for update").param("id", paymentId)
                .query(Locked.class).optional().orElseThrow(() -> new NotFoundException("payment", paymentId));
        if (!"UNMATCHED".equals(locked.status())) {
            throw new ConflictException("paymentId", "payment.alreadyMatched", "payment " + paymentId + " is matched already");
        }
        Long invoiceId = null;
        long customerId;
        if (invoiceNumber != null) {
            record Doc(long id, long customerId, long customerNumber) {
            }
            Doc doc = jdbc.sql("select i.id, i.customer_id, c.customer_number from invoice i join customer c on c.id = i.customer_id "
                            + "where i.invoice_number = :n")
                    .param("n", invoiceNumber).query(Doc.class).optional()
                    .orElseThrow(() -> new NotFoundException("invoice", invoiceNumber));
            if (customerNumber != null && customerNumber != doc.customerNumber()) {
                throw new ConflictException("customerNumber", "payment.invoiceOfOtherCustomer",
                        "invoice " + invoiceNumber + " is not customer " + customerNumber + "'s");
            }
            invoiceId = doc.id();
            customerId = doc.customerId();
        } else {
            customerId = jdbc.sql("select id from customer where customer_number = :n").param("n", customerNumber)
                    .query(Long.class).optional().orElseThrow(() -> new NotFoundException("customer", customerNumber));
        }
        matches.record(paymentId, MatchRule.MANUAL, customerId, invoiceId, locked.payerAccount());
        return get(paymentId);
    }

    private record Open(long invoiceNumber, String kid, BigDecimal totalAmount, BigDecimal creditedAmount, BigDecimal paid,
            LocalDate dueDate, long customerNumber, String searchName, String displayName, boolean accountKnown) {

        BigDecimal open() {
            return totalAmount.add(creditedAmount).subtract(paid);
        }
    }

    List<Suggestion> suggestionsFor(PaymentView payment) {
        String kid = payment.kid() == null ? "" : payment.kid().strip();
        String[] words = SearchName.fold(payment.payerName()).split(" ");
        List<String> nameConditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < words.length && i < 4; i++) {
            if (words[i].length() >= 2) {
                nameConditions.add("c.search_name like :w" + i);
                params.put("w" + i, "%" + words[i] + "%");
            }
        }
        params.put("kidCustomer", kid.length() >= 16 ? kid.substring(0, 7) : "-");
        params.put("kidInvoice", kid.length() >= 16 ? kid.substring(7, 16) : "-");
        params.put("amount", payment.amount());
        params.put("account", payment.payerAccount() == null ? "" : payment.payerAccount());
        String byName = nameConditions.isEmpty() ? "" : """
                union select i.id from invoice i join customer c on c.id = i.customer_id where %s
                """.formatted(String.join(" and ", nameConditions));
        List<Open> open = jdbc.sql("""
                        with candidate as (
                            select i.id from invoice i where substring(i.kid from 1 for 7) = :kidCustomer
                            union select i.id from invoice i where substring(i.kid from 8 for 9) = :kidInvoice
                            union select i.id from invoice i where i.kind = 'INVOICE' and not i.credited and i.total_amount = :amount
                            union select i.id from invoice i join customer_payer_account a on a.customer_id = i.customer_id
                                  where a.account = :account
                            %s
                        )
                        select i.invoice_number, i.kid, i.total_amount,
                               coalesce((select sum(x.total_amount) from invoice x where x.credits_invoice_id = i.id), 0) as credited_amount,
                               coalesce((select sum(p.amount) from payment p where p.invoice_id = i.id), 0) as paid,
                               coalesce(pp.new_due_date, i.due_date) as due_date, c.customer_number, c.search_name,
                               coalesce(c.organisation_name, c.first_name || ' ' || c.last_name) as display_name,
                               exists (select 1 from customer_payer_account a where a.customer_id = c.id and a.account = :account) as account_known
                        from candidate k join invoice i on i.id = k.id join customer c on c.id = i.customer_id
                        left join invoice_postponement pp on pp.invoice_id = i.id
                        where i.kind = 'INVOICE' and not i.credited
                        order by i.id
                        limit 200""".formatted(byName))
                .params(params).query(Open.class).list();
        PayerName payer = PayerName.of(payment.payerName());
        List<Suggestion> suggestions = new ArrayList<>();
        for (Open o : open) {
            if (o.open().signum() <= 0) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            int score = 0;
            if (!kid.isEmpty()) {
                int distance = KidDistance.between(kid, o.kid());
                if (distance == 1) {
                    reasons.add("KID_ONE_TYPO");
                    score += 4;
                } else if (distance == 2) {
                    reasons.add("KID_TWO_TYPOS");
                    score += 2;
                }
            }
            if (o.open().compareTo(payment.amount()) == 0) {
                reasons.add("AMOUNT_EQUAL");
                score += 3;
            }
            if (o.accountKnown()) {
                reasons.add("PAYER_ACCOUNT_KNOWN");
                score += 3;
            }
            if (payer.sameAs(o.searchName())) {
                reasons.add("PAYER_NAME");
                score += 2;
            }
            if (score > 0) {
                suggestions.add(new Suggestion(o.invoiceNumber(), o.customerNumber(), o.displayName(), o.open().setScale(2),
                        o.dueDate(), List.copyOf(reasons), score));
            }
        }
        return suggestions.stream()
                .sorted(Comparator.comparingInt(Suggestion::score).reversed().thenComparing(Suggestion::dueDate))
                .limit(SUGGESTIONS).toList();
    }

    private static PaymentView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String rule = rs.getString("match_rule");
        return new PaymentView(rs.getLong("id"), rs.getString("bank_reference"), rs.getObject("paid_on", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getString("kid"), rs.getString("payer_name"), rs.getString("payer_account"),
                rs.getString("status"), rule == null ? null : MatchRule.valueOf(rule),
                (Long) rs.getObject("customer_number", Long.class), (Long) rs.getObject("invoice_number", Long.class),
                rs.getString("held_reason"));
    }
}
