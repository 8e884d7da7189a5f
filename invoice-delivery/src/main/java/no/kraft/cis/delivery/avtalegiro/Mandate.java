package no.kraft.cis.delivery.avtalegiro;

import java.util.Objects;
import no.kraft.cis.invoice.Kid;

/**
 * One AvtaleGiro mandate (avtale) as Nets reports it: the payer has allowed us to debit claims with this KID.
 *
 * @param serialNumber the record's serial number in the list (transaction number, positions 9–15)
 * @param kid the KID the payer registered the mandate with; it identifies the customer, not one invoice
 * @param wantsNotice whether the payer wants a written notice from the bank before each debit (J/N); with N the bank
 *     sends none even for a claim of transaction type 21
 */
public record Mandate(int serialNumber, RegistrationType registrationType, Kid kid, boolean wantsNotice) {

    public Mandate {
        Objects.requireNonNull(registrationType, "registrationType");
        Objects.requireNonNull(kid, "kid");
    }
}
