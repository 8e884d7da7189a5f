package no.kraft.cis.consent.order;

import java.time.LocalDate;
import java.util.Objects;
import no.kraft.cis.customer.ContactDetails;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.customer.PostalAddress;
import no.kraft.cis.meteringpoint.MeteringPointId;

/**
 * Command: a contract order (kontraktsordre) as it arrives from the web shop, a sales partner or customer service.
 *
 * @param consentFlow how to obtain the customer's consent, or {@code null} for the configured default
 */
public record NewOrder(Channel channel, Kind kind, CustomerIdentity customer, ContactDetails contact, PostalAddress address,
        MeteringPointId meteringPointId, String productCode, LocalDate startDate, ConsentFlow consentFlow) {

    public NewOrder {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(meteringPointId, "meteringPointId");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(startDate, "startDate");
        contact = contact == null ? ContactDetails.none() : contact;
    }

    /** Where the order came from. */
    public enum Channel { WEB_SHOP, SALES_PARTNER, CUSTOMER_SERVICE }

    /** Supplier switch (leverandørbytte, BRS-NO-101) or move-in (innflytting, BRS-NO-102/103). */
    public enum Kind { SWITCH, MOVE_IN }

    /** How consent is obtained: Elhub's document signed with BankID, Elhub's request flow, or none (organisations). */
    public enum ConsentFlow { DOCUMENT, REQUEST, NOT_REQUIRED }
}
