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
    private final String trackingBaseUrl;

    /** @param trackingBaseUrl where the mail's tracking image is fetched from ({@code <base>/t/<token>.gif}): opened = fetched */
    public EmailChannel(JavaMailSender mail, String from, String trackingBaseUrl) {
        this.mail = mail;
        this.from = from;
        this.trackingBaseUrl = trackingBaseUrl.replaceAll("/+$", "");
    }

    /** The token in the tracking image's address: the Message-ID's local part (a random UUID). */
    public static String token(String messageId) {
        return messageId.substring(0, messageId.indexOf('@'));
    }

    public void send(InvoiceDocument d, byte[] pdf, String messageId) {
        MimeMessage message = SendAttempts.mailWithId(mail, messageId);
        try {
            MimeMessageHelper m = new MimeMessageHelper(message, true, "UTF-8");
            boolean credit = d.kind() == InvoiceDocument.Kind.CREDIT_NOTE;
            m.setFrom(from, d.seller().name());
            m.setTo(d.buyer().email());
            m.setSubject((credit ? "Kreditnota " : "Faktura ") + d.invoiceNumber() + " fra " + d.seller().name());
            String due = no.kraft.cis.delivery.document.InvoicePdf.dateOf(d.dueDate());
            String body = credit
                    ? "vedlagt er kreditnota " + d.invoiceNumber() + " (krediterer faktura " + d.creditsInvoiceNumber() + ")."
                    : "vedlagt er faktura " + d.invoiceNumber() + " for strøm. Å betale: "
                            + no.kraft.cis.delivery.document.InvoicePdf.moneyOf(d.totalAmount()) + " kr innen " + due
                            + " til konto " + d.seller().bankAccount() + " med KID " + d.kid() + ".";
            String plain = "Hei " + d.buyer().name() + ",\n\n" + body + "\n\nHilsen " + d.seller().name() + "\n" + d.seller().email()
                    + " · " + d.seller().phone() + "\n";
            String html = "<!DOCTYPE html><html lang=\"nb\"><body><p>Hei " + escape(d.buyer().name()) + ",</p><p>" + escape(body)
                    + "</p><p>Hilsen " + escape(d.seller().name()) + "<br>" + escape(d.seller().email()) + " · " + escape(d.seller().phone())
                    + "</p><img src=\"" + trackingBaseUrl + "/t/" + token(messageId) + ".gif\" width=\"1\" height=\"1\" alt=\"\"></body></html>";
            m.setText(plain, html);
            m.addAttachment((credit ? "kreditnota-" : "faktura-") + d.invoiceNumber() + ".pdf", new ByteArrayResource(pdf), "application/pdf");
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("the invoice e-mail could not be made: " + e.getMessage(), e);
        }
        mail.send(message);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
