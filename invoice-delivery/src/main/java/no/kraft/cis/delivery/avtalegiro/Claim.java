package no.kraft.cis.delivery.avtalegiro;

import java.time.LocalDate;
import no.kraft.cis.invoice.Kid;

/**
 * One AvtaleGiro claim (betalingskrav): debit {@code amountInOre} from the payer whose mandate has this KID on the
 * due date. In a deletion assignment the same values identify the claim to withdraw.
 *
 * <p>The claim's transaction type follows from {@code bankNotice}: none → 02, we notify the payer ourselves (also the
 * type for AvtaleGiro combined with eFaktura); present → 21, the bank sends the payer an "AvtaleGiro info" with the
 * notice's lines (none: the bank's notice without our text). In a deletion every item is 93 and carries no notice.
 *
 * <p>What fits the file is checked by {@link ClaimFileWriter} (it names the field); the constructor only drops
 * trailing blanks from the texts, as the file's blank fill cannot keep them, so that a claim read back equals the one
 * written.
 *
 * @param transactionNumber the claim's number in its assignment (positions 9–15), the same on all its records
 * @param payerShortName abbreviated payer name (kortnavn), at most 10 characters; {@code null} is blank
 * @param externalReference shown to the payer on the statement and notice (fremmedreferanse), at most 25 characters;
 *     {@code null} is blank
 * @param bankNotice the text of the bank's notice, or {@code null} when we notify the payer
 */
public record Claim(int transactionNumber, LocalDate dueDate, long amountInOre, Kid kid, String payerShortName,
                    String externalReference, BankNotice bankNotice) {

    public Claim {
        payerShortName = payerShortName == null ? "" : payerShortName.stripTrailing();
        externalReference = externalReference == null ? "" : externalReference.stripTrailing();
    }

    /** The same claim without a bank notice: the item that withdraws it in a deletion assignment. */
    public Claim withoutNotice() {
        return new Claim(transactionNumber, dueDate, amountInOre, kid, payerShortName, externalReference, null);
    }
}
