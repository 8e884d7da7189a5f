package no.kraft.cis.payment.file;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.kraft.cis.rule.InvalidValueException;

/**
 * One incoming-payment file (innbetalingsfil) as read: its identity at the bank, the account it credits and the
 * payments in file order.
 *
 * @param messageId     camt.054 {@code GrpHdr/MsgId}; OCR giro {@code "OCR-" + data transmitter + "-" +
 *                      transmission number}
 * @param creditAccount the account credited (camt.054 {@code Ntfctn/Acct/Id/IBAN} or {@code Othr/Id}; OCR giro the
 *                      assignment account), {@code null} if the file does not say
 * @param payments      the payments, in file order; their bank references are unique within the file
 */
public record PaymentFile(PaymentFileFormat format, String messageId, String creditAccount,
        List<IncomingPayment> payments) {

    public PaymentFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(messageId, "messageId");
        payments = List.copyOf(payments);
        Set<String> references = new HashSet<>();
        for (IncomingPayment payment : payments) {
            if (!references.add(payment.bankReference())) {
                throw new InvalidValueException("paymentFile.duplicateReference",
                        "bank reference " + payment.bankReference() + " occurs more than once in file " + messageId);
            }
        }
    }

    /** The sum of the payments' amounts, scale 2 (reversals count negative). */
    public BigDecimal total() {
        return payments.stream().map(IncomingPayment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
