package no.kraft.cis.delivery.sms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.kraft.cis.delivery.document.InvoiceDocument;

/**
 * The SMS that tells the customer an invoice or credit note is ready (fakturavarsel), with a link to it:
 * {@code Faktura 7000123 fra Kraft Demo AS: 1 061,09 kr forfaller 20.04.2026. Se fakturaen: <link>}. The amount is
 * written with a plain space between thousands — not the non-breaking space of the PDF, which is not in GSM-7 and
 * would make the notice UCS-2 and cut its room from 160 characters to 70. With a seller name like "Kraft Demo AS",
 * 7-digit document numbers and an amount under a million kroner, a link of up to 50 characters keeps an invoice or
 * credit note notice in one SMS part (at most 135 and 158 septets).
 *
 * @param creditsInvoiceNumber for a credit note, the invoice it credits; may be null
 * @param amount the document's total; a credit note's is shown without its sign
 * @param dueDate the invoice's due date; not shown for a credit note
 */
public record SmsNotice(InvoiceDocument.Kind kind, long invoiceNumber, Long creditsInvoiceNumber, String sellerName, BigDecimal amount,
        LocalDate dueDate, String link) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public SmsNotice {
        if (kind == null || sellerName == null || sellerName.isBlank() || amount == null || link == null || link.isBlank()) {
            throw new IllegalArgumentException("an SMS notice needs the kind, seller name, amount and link");
        }
        if (kind == InvoiceDocument.Kind.INVOICE && dueDate == null) {
            throw new IllegalArgumentException("an invoice notice needs the due date");
        }
    }

    /** The notice of an invoice document. */
    public static SmsNotice of(InvoiceDocument d, String link) {
        return new SmsNotice(d.kind(), d.invoiceNumber(), d.creditsInvoiceNumber(), d.seller().name(), d.totalAmount(), d.dueDate(), link);
    }

    public String text() {
        String amountText = money(amount.abs()) + " kr";
        if (kind == InvoiceDocument.Kind.CREDIT_NOTE) {
            return "Kreditnota " + invoiceNumber + " fra " + sellerName + ": " + amountText + " til gode"
                    + (creditsInvoiceNumber == null ? "" : " (krediterer faktura " + creditsInvoiceNumber + ")")
                    + ". Se kreditnotaen: " + link;
        }
        return "Faktura " + invoiceNumber + " fra " + sellerName + ": " + amountText + " forfaller " + dueDate.format(DATE)
                + ". Se fakturaen: " + link;
    }

    public SmsParts parts() {
        return SmsParts.of(text());
    }

    /** {@code 1 061,09}: two decimals, a comma, plain spaces between thousands. */
    static String money(BigDecimal amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(' ');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }
}
