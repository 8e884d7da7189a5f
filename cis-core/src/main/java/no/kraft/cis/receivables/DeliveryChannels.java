package no.kraft.cis.receivables;

import java.time.LocalDate;
import java.util.Collection;
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

    /** The channel of each of these invoices (by invoice id); invoices without a delivery with a channel are absent. */
    Map<Long, DeliveryChannel> channelsOf(Collection<Long> invoiceIds);
}
