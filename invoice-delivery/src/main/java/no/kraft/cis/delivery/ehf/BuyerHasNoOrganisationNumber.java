package no.kraft.cis.delivery.ehf;

/**
 * EHF reaches a buyer through its Peppol address {@code 0192:<organisation number>}; a buyer without one (a person)
 * cannot get EHF and must get the invoice through another channel (e-mail, eFaktura, print).
 */
public class BuyerHasNoOrganisationNumber extends IllegalArgumentException {

    public BuyerHasNoOrganisationNumber(long customerNumber, long documentNumber) {
        super("customer " + customerNumber + " has no organisation number, so document " + documentNumber
                + " cannot be sent as EHF (Peppol endpoint 0192 needs one)");
    }
}
