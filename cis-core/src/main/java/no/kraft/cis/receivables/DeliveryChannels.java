package no.kraft.cis.receivables;

import java.time.LocalDate;
import java.util.Map;

/**
 * Port: how invoices were delivered. The core does not know the delivery tables (they belong to the invoice-delivery
 * adapter, which implements this); without an implementation the figures show no deliveries and no delay by channel.
 * A delivery's channel is the one in use — the channel that reached the customer, or is reaching them now, after any
 * fallback; a delivery that reached no channel is left out.
 */
public interface DeliveryChannels {

    /** How many invoices issued on days [{@code from}, {@code to}) went by each channel (channels with none absent). */
    Map<DeliveryChannel, Long> deliveriesOfInvoicesIssued(LocalDate from, LocalDate to);

    /**
     * The channel of every invoice as a SQL query the figures join to the invoices they count (so no invoice's row is
     * carried out of the database for it): columns {@code invoice_id bigint} and {@code channel text}, a {@link
     * DeliveryChannel} name; at most one row per invoice; invoices without a delivery with a channel absent. No
     * parameters. The adapter owns the tables it reads; the core only joins the result.
     */
    String invoiceChannels();
}
