package no.kraft.cis.delivery.distribution;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import no.kraft.cis.delivery.document.InvoiceDocument;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The invoice PDF attached to an e-mail, over SMTP (Spring's mail support). The Message-ID is ours, made when the send
 * was stored, so a resend after a lost answer carries the same ID and the receiving side can tell it is the same mail.
 */
public class EmailChannel {

    private final JavaMailSender mail;
    private final String from;

    public EmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    public void send(InvoiceDocument d, byte[] pdf, String messageId) {
        MimeMessage message = new MimeMessage(mail.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        try {
            MimeMessageHelper m = new MimeMessageHelper(message, true, "UTF-8");
            boolean credit = d.kind() == InvoiceDocument.Kind.CREDIT_NOTE;
            m.setFrom(from, d.seller().name());
            m.setTo(d.buyer().email());
            m.setSubject((credit ? "Kreditnota " : "Faktura ") + d.invoiceNumber() + " fra " + d.seller().name());
            String due = no.kraft.cis.delivery.document.InvoicePdf.dateOf(d.dueDate());
            m.setText("Hei " + d.buyer().name() + ",\n\n" + (credit
                    ? "vedlagt er kreditnota " + d.invoiceNumber() + " (krediterer faktura " + d.creditsInvoiceNumber() + ")."
                    : "vedlagt er faktura " + d.invoiceNumber() + " for strøm. Å betale: "
                            + no.kraft.cis.delivery.document.InvoicePdf.moneyOf(d.totalAmount()) + " kr innen " + due
                            + " til konto " + d.seller().bankAccount() + " med KID " + d.kid() + ".")
                    + "\n\nHilsen " + d.seller().name() + "\n" + d.seller().email() + " · " + d.seller().phone() + "\n", false);
            m.addAttachment((credit ? "kreditnota-" : "faktura-") + d.invoiceNumber() + ".pdf", new ByteArrayResource(pdf), "application/pdf");
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("the invoice e-mail could not be made: " + e.getMessage(), e);
        }
        mail.send(message);
    }
}
