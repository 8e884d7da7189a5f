/**
 * The SMS channel: a short notice of an invoice or credit note with a link to it ({@link
 * no.kraft.cis.delivery.sms.SmsNotice}), sent through an SMS gateway in the shape of LINK Mobility's REST SMS API
 * ({@link no.kraft.cis.delivery.sms.SmsGateway}), and the delivery reports the gateway posts back ({@link
 * no.kraft.cis.delivery.sms.DeliveryReport}). The length rules of GSM-7 and UCS-2 are {@link
 * no.kraft.cis.delivery.sms.SmsParts}. No Spring here: the delivery process wires the channel in, and the stand-in
 * gateway is {@code no.kraft.cis.delivery.standin.SmsGatewayStandIn}.
 */
@org.springframework.modulith.NamedInterface("sms")
package no.kraft.cis.delivery.sms;
