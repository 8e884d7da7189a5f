package no.kraft.cis.paymentchannel;

/**
 * The channel a customer's invoices go through.
 *
 * @param chosen {@code false} when nobody chose one and this is the default: EHF for an organisation in the Peppol list,
 *     else e-mail when the customer has an address, else paper
 */
public record ChannelChoice(PaymentChannel channel, boolean chosen) {
}
