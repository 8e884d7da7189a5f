package no.kraft.cis.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides where an incoming payment belongs, in this order:
 * <ol>
 * <li>{@link MatchRule#KID}: the KID given is an issued document's KID — whatever the amount (a part or an
 * over-payment stays on the customer's account) — or an instalment plan's instalment KID (the plan's oldest open
 * invoice; what it pays beyond that is credit on account, which the ledger applies to the next ones) — or a reference
 * another module hands out for an invoice
 * ({@link PaymentReferences}: AvtaleGiro's agreement KID with the claim's amount);</li>
 * <li>{@link MatchRule#AMOUNT_AND_PAYER}: otherwise (KID mistyped or missing), the unpaid invoices of exactly this
 * amount whose customer is the payer — the payer's account was seen on the customer's earlier payments, or the payer's
 * name is the customer's name — are exactly one;</li>
 * <li>else nothing: the payment waits in the queue for a person.</li>
 * </ol>
 * A zero or negative amount (a reversal) is always left to a person.
 */
@Component
class PaymentMatcher {

    private final JdbcClient jdbc;
    private final org.springframework.beans.factory.ObjectProvider<PaymentReferences> references;
    private final no.kraft.cis.ledger.InstalmentPlanCoverage instalments;

    PaymentMatcher(JdbcClient jdbc, org.springframework.beans.factory.ObjectProvider<PaymentReferences> references,
            no.kraft.cis.ledger.InstalmentPlanCoverage instalments) {
        this.jdbc = jdbc;
        this.references = references;
        this.instalments = instalments;
    }

    /** Where a payment goes: a customer, and the invoice when one was identified. */
    record Match(MatchRule rule, long customerId, Long invoiceId) {
    }

    Optional<Match> match(BigDecimal amount, String kid, String payerName, String payerAccount) {
        if (amount.signum() <= 0) {
            return Optional.empty();
        }
        if (kid != null && !kid.isBlank()) {
            Optional<Match> byKid = jdbc.sql("select id, customer_id from invoice where kid = :kid")
                    .param("kid", kid.strip())
                    .query((rs, n) -> new Match(MatchRule.KID, rs.getLong("customer_id"), rs.getLong("id")))
                    .optional();
            if (byKid.isPresent()) {
                return byKid;
            }
            // an instalment's KID: the plan's oldest open invoice (what is beyond it is credit on account, applied in order)
            Optional<Match> byInstalment = instalments.paymentTarget(kid.strip())
                    .map(t -> new Match(MatchRule.KID, t.customerId(), t.invoiceId()));
            if (byInstalment.isPresent()) {
                return byInstalment;
            }
            for (PaymentReferences r : references.orderedStream().toList()) {
                Optional<Match> byReference = r.invoiceFor(kid.strip(), amount).flatMap(invoice -> jdbc.sql(
                                "select id, customer_id from invoice where id = :id").param("id", invoice)
                        .query((rs, n) -> new Match(MatchRule.KID, rs.getLong("customer_id"), rs.getLong("id"))).optional());
                if (byReference.isPresent()) {
                    return byReference;
                }
            }
        }
        // two found is as good as many: not one
        List<Match> identified = unpaidOfAmountPaidBy(amount, PayerName.of(payerName), payerAccount, 2);
        return identified.size() == 1 ? Optional.of(identified.getFirst()) : Optional.empty();
    }

    /**
     * Standing invoices of exactly this total with nothing paid on them yet, whose customer is the payer: the account
     * paid for the customer before, or the name is the customer's (same words in any order).
     */
    private List<Match> unpaidOfAmountPaidBy(BigDecimal amount, PayerName payer, String payerAccount, int limit) {
        return jdbc.sql("""
                        select i.id, i.customer_id
                        from invoice i join customer c on c.id = i.customer_id
                        where i.kind = 'INVOICE' and not i.credited and i.total_amount = :amount
                          and not exists (select 1 from payment p where p.invoice_id = i.id)
                          and (exists (select 1 from customer_payer_account a where a.customer_id = i.customer_id and a.account = :account)
                               or (:payer <> '' and array_to_string(array(
                                       select w from unnest(string_to_array(c.search_name, ' ')) w order by w collate "C"), ' ') = :payer))
                        order by i.id
                        limit :limit""")
                .param("amount", amount).param("account", payerAccount == null ? "" : payerAccount)
                .param("payer", payer.key()).param("limit", limit)
                .query((rs, n) -> new Match(MatchRule.AMOUNT_AND_PAYER, rs.getLong("customer_id"), rs.getLong("id")))
                .list();
    }
}
