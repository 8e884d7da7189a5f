package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import no.kraft.cis.invoice.Invoice;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * {@code invoice.delivery_channel}, which invoice-delivery keeps from its own delivery rows for the receivables figures
 * (migration {@code V2026_12_08_0200}): the plan's channel at the current step, none once the delivery FAILED or was
 * RESOLVED by a person. Golden steps of one delivery first (a fallback, a failure, a resolution), then random inserts —
 * several invoices in one statement, as the billing run's deliveries are made —, updates and deletes, after which each
 * invoice's column is what its delivery row says.
 */
class InvoiceDeliveryChannelColumnTest extends InvoicingApiTest {

    @Test
    void theChannelFollowsTheDeliveryThroughAFallbackAFailureAndAResolution() {
        long invoice = invoices(1).getFirst();
        jdbc.sql("""
                        insert into invoice_delivery (invoice_id, plan, step, status, created_at, updated_at)
                        values (:i, cast('{EMAIL,SMS,PAPER}' as text[]), 0, 'PENDING', now(), now())""")
                .param("i", invoice).update();
        assertThat(channel(invoice)).isEqualTo("EMAIL");
        delivery(invoice, "status = 'SENT'");
        delivery(invoice, "status = 'OPENED'");
        assertThat(channel(invoice)).isEqualTo("EMAIL");
        // not opened in time: the SMS, the plan's second channel
        delivery(invoice, "step = 1, status = 'PENDING'");
        assertThat(channel(invoice)).isEqualTo("SMS");
        delivery(invoice, "step = 2, status = 'FAILED'");
        assertThat(channel(invoice)).isNull();
        delivery(invoice, "status = 'RESOLVED'");
        assertThat(channel(invoice)).isNull();
        delivery(invoice, "status = 'DELIVERED'");
        assertThat(channel(invoice)).isEqualTo("PAPER");
        jdbc.sql("delete from invoice_delivery where invoice_id = :i").param("i", invoice).update();
        assertThat(channel(invoice)).isNull();
    }

    @RepeatedTest(5)
    void afterAnyMixOfDeliveryChangesEachInvoiceHasItsDeliverysChannel() {
        List<Long> ids = invoices(4);
        SplittableRandom random = new SplittableRandom();
        String[] plans = {"{EMAIL,PAPER}", "{SMS,PAPER}", "{EHF}", "{PAPER}", "{EMAIL,SMS,PAPER}"};
        String[] statuses = {"PENDING", "SENT", "OPENED", "DELIVERED", "FAILED", "RESOLVED"};
        for (int n = 0; n < 15; n++) {
            long invoice = ids.get(random.nextInt(ids.size()));
            switch (random.nextInt(4)) {
                case 0 -> jdbc.sql("""
                                insert into invoice_delivery (invoice_id, plan, step, status, created_at, updated_at)
                                select i, cast(:plan as text[]), 0, 'PENDING', now(), now() from unnest(cast(:ids as bigint[])) as i
                                on conflict (invoice_id) do nothing""")
                        .param("ids", ids.subList(0, 1 + random.nextInt(ids.size())).toArray(Long[]::new))
                        .param("plan", plans[random.nextInt(plans.length)]).update();
                case 1 -> jdbc.sql("update invoice_delivery set step = least(step + 1, cardinality(plan) - 1) where invoice_id = any(:ids)")
                        .param("ids", ids.toArray(Long[]::new)).update();
                case 2 -> delivery(invoice, "status = '" + statuses[random.nextInt(statuses.length)] + "'");
                default -> jdbc.sql("delete from invoice_delivery where invoice_id = :i").param("i", invoice).update();
            }
        }
        for (long invoice : ids) {
            List<String> delivered = jdbc.sql("""
                            select case when status in ('FAILED', 'RESOLVED') then null else plan[step + 1] end
                            from invoice_delivery where invoice_id = :i""")
                    .param("i", invoice).query((rs, row) -> rs.getString(1)).list();
            assertThat(channel(invoice)).as("invoice %d", invoice).isEqualTo(delivered.isEmpty() ? null : delivered.getFirst());
        }
    }

    private List<Long> invoices(int count) {
        long customer = invoicing.person("Kanal", "Kari" + TestData.unique(), null);
        List<Long> ids = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            Invoice invoice = invoicing.invoice(customer, YearMonth.of(1999, 1 + m), LocalDate.of(1999, 2 + m, 1),
                    LocalDate.of(1999, 2 + m, 15), "80.00", "20.00");
            ids.add(invoice.id());
            // paid on the day it was issued, so these invoices leave nothing open in the shared database (the golden
            // receivables figures of other tests count every invoice open at their day)
            jdbc.sql("""
                            insert into payment (bank_reference, paid_on, amount, status, match_rule, customer_id, invoice_id,
                                matched_at, matched_by, created_at, created_by, updated_at, updated_by)
                            select 'channel-test-' || i.id, i.issue_date, i.total_amount, 'MATCHED', 'MANUAL', i.customer_id, i.id,
                                now(), 'test', now(), 'test', now(), 'test'
                            from invoice i where i.id = :i""")
                    .param("i", invoice.id()).update();
        }
        return ids;
    }

    private void delivery(long invoice, String set) {
        jdbc.sql("update invoice_delivery set " + set + ", updated_at = now() where invoice_id = :i").param("i", invoice).update();
    }

    private String channel(long invoice) {
        return jdbc.sql("select delivery_channel from invoice where id = :i").param("i", invoice)
                .query((rs, row) -> rs.getString(1)).list().getFirst();
    }
}
