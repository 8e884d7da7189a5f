package no.kraft.cis.delivery.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import no.kraft.cis.delivery.document.InvoiceTemplate;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoicePdf;
import no.kraft.cis.receivables.NoticeKind;

/**
 * The words of the dunning notices (pure): the letter of a purring or inkassovarsel from {@code templates/dunning-notice.html}
 * (merge fields {@code {{key}}}, checked when loaded), the e-mail's subject and text, and the friendly reminder's
 * e-mail and SMS. Norwegian formats as on the invoice.
 */
public final class DunningLetters {

    /** What a notice says, as the outbox holds it. */
    public record Notice(NoticeKind kind, long invoiceNumber, LocalDate day, String kid, LocalDate dueDate, BigDecimal amount,
            BigDecimal fee, BigDecimal interest, boolean interestCharged, String interestNote, LocalDate deadline, BigDecimal toPay) {
    }

    static final Set<String> FIELDS = Set.of("title", "invoiceNumber", "customerNumber", "noticeDate", "dueDate", "amount", "feeLabel",
            "fee", "interestLabel", "interest", "toPay", "deadline", "interestNote", "bankAccount", "kid", "sellerName", "sellerAddress",
            "sellerOrganisationNumber", "sellerEmail", "sellerPhone", "buyerName", "buyerAddress");
    static final Set<String> BLOCKS = Set.of("legalNotice");

    /** Inkassoloven § 9's warning, as the inkassovarsel must give it. */
    static final String INKASSOVARSEL_TEXT = "Dette er et inkassovarsel etter inkassoloven § 9. Betales ikke kravet innen fristen, "
            + "vil det bli sendt til inkasso, og du kan få ekstra kostnader (inkassosalær).";

    private final String template;

    private DunningLetters(String template) {
        this.template = template;
    }

    /** @throws IllegalArgumentException naming the unknown merge fields */
    public static DunningLetters load(String html) {
        html = InvoiceTemplate.withSharedStyles(html);
        Set<String> unknown = InvoiceTemplate.unknownFields(html, FIELDS, BLOCKS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the dunning notice template names unknown merge fields " + unknown);
        }
        return new DunningLetters(html);
    }

    public static DunningLetters classpath() {
        try (var in = DunningLetters.class.getResourceAsStream("/templates/dunning-notice.html")) {
            return load(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String title(NoticeKind kind) {
        return switch (kind) {
            case FRIENDLY_REMINDER -> "Påminnelse";
            case PURRING -> "Betalingspåminnelse (purring)";
            case INKASSOVARSEL -> "Inkassovarsel";
        };
    }

    /** The letter (XHTML) of a purring or inkassovarsel. */
    public String letter(Notice n, InvoiceDocument.Seller seller, InvoiceDocument.Buyer buyer) {
        Map<String, String> v = new HashMap<>();
        v.put("title", title(n.kind()));
        v.put("invoiceNumber", String.valueOf(n.invoiceNumber()));
        v.put("customerNumber", String.valueOf(buyer.customerNumber()));
        v.put("noticeDate", InvoicePdf.dateOf(n.day()));
        v.put("dueDate", InvoicePdf.dateOf(n.dueDate()));
        v.put("amount", InvoicePdf.moneyOf(n.amount()));
        v.put("feeLabel", n.kind() == NoticeKind.INKASSOVARSEL ? "Gebyr for inkassovarsel" : "Purregebyr");
        v.put("fee", InvoicePdf.moneyOf(n.fee()));
        v.put("interestLabel", n.interestCharged() ? "Forsinkelsesrente til " + InvoicePdf.dateOf(n.day())
                : "Forsinkelsesrente til " + InvoicePdf.dateOf(n.day()) + " (ikke krevd nå)");
        v.put("interest", n.interest() == null ? "ikke beregnet" : InvoicePdf.moneyOf(n.interest()));
        v.put("toPay", InvoicePdf.moneyOf(n.toPay()));
        v.put("deadline", InvoicePdf.dateOf(n.deadline()));
        v.put("interestNote", n.interestNote() == null ? "Forsinkelsesrenten løper fra dagen etter forfall til betaling skjer." : n.interestNote());
        v.put("bankAccount", InvoicePdf.accountOf(seller.bankAccount()));
        v.put("kid", n.kid());
        v.put("sellerName", seller.name());
        v.put("sellerAddress", seller.street() + ", " + seller.postcode() + " " + seller.city());
        v.put("sellerOrganisationNumber", seller.organisationNumber());
        v.put("sellerEmail", seller.email());
        v.put("sellerPhone", seller.phone());
        v.put("buyerName", buyer.name());
        v.put("buyerAddress", buyer.street() + ", " + buyer.postcode() + " " + buyer.city());
        v.put("legalNotice", n.kind() == NoticeKind.INKASSOVARSEL ? "<div class=\"legal\"><b>" + escape(INKASSOVARSEL_TEXT) + "</b></div>" : "");
        return InvoiceTemplate.merge(template, BLOCKS, v);
    }

    /** The e-mail's subject. */
    public static String subject(Notice n, InvoiceDocument.Seller seller) {
        return title(n.kind()) + ": faktura " + n.invoiceNumber() + " fra " + seller.name();
    }

    /** The e-mail's text: the reminder's whole message, or the letter's gist with the PDF attached. */
    public static String emailText(Notice n, InvoiceDocument.Seller seller, InvoiceDocument.Buyer buyer) {
        StringBuilder t = new StringBuilder("Hei ").append(buyer.name()).append(",\n\n");
        if (n.kind() == NoticeKind.FRIENDLY_REMINDER) {
            t.append("en vennlig påminnelse: faktura ").append(n.invoiceNumber()).append(" på ").append(InvoicePdf.moneyOf(n.amount()))
                    .append(" kr forfaller i dag (").append(InvoicePdf.dateOf(n.dueDate())).append("). Betal til konto ")
                    .append(InvoicePdf.accountOf(seller.bankAccount())).append(" med KID ").append(n.kid())
                    .append(". Har du allerede betalt, kan du se bort fra denne meldingen.\n");
        } else {
            t.append("vi har ikke mottatt betaling for faktura ").append(n.invoiceNumber()).append(" med forfall ")
                    .append(InvoicePdf.dateOf(n.dueDate())).append(". Vedlagt er ").append(title(n.kind()).toLowerCase(java.util.Locale.ROOT))
                    .append(". Å betale: ").append(InvoicePdf.moneyOf(n.toPay())).append(" kr (gebyr ").append(InvoicePdf.moneyOf(n.fee()))
                    .append(" kr) til konto ").append(InvoicePdf.accountOf(seller.bankAccount())).append(" med KID ").append(n.kid()).append(" senest ")
                    .append(InvoicePdf.dateOf(n.deadline())).append(".\n");
            t.append(n.interest() == null ? n.interestNote() : "Forsinkelsesrente til i dag: " + InvoicePdf.moneyOf(n.interest()) + " kr"
                    + (n.interestCharged() ? " (med i beløpet)." : " (ikke krevd nå)."));
            t.append('\n');
            if (n.kind() == NoticeKind.INKASSOVARSEL) {
                t.append('\n').append(INKASSOVARSEL_TEXT).append('\n');
            }
        }
        t.append("\nHilsen ").append(seller.name()).append('\n').append(seller.email()).append(" · ").append(seller.phone()).append('\n');
        return t.toString().replace('\u00a0', ' ');
    }

    /** The friendly reminder as an SMS: GSM-7 only (plain spaces, a hyphen), one or two parts. */
    public static String sms(Notice n, InvoiceDocument.Seller seller) {
        return (seller.name() + ": Vennlig påminnelse - faktura " + n.invoiceNumber() + " på " + InvoicePdf.moneyOf(n.amount())
                + " kr forfaller i dag. Konto " + InvoicePdf.accountOf(seller.bankAccount()) + ", KID " + n.kid()
                + ". Har du betalt, se bort fra denne.").replace('\u00a0', ' ');
    }

    private static String escape(String s) {
        return InvoiceTemplate.escape(s);
    }
}
