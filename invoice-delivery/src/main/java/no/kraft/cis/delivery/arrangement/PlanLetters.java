package no.kraft.cis.delivery.arrangement;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoicePdf;
import no.kraft.cis.delivery.document.InvoiceTemplate;
import no.kraft.cis.ledger.InstalmentPlan;

/**
 * The words of an instalment plan's confirmation (pure): the letter from {@code templates/instalment-plan.html} (merge
 * fields {@code {{key}}}, checked when loaded) with one row per instalment — due date, amount, KID — and the e-mail's
 * subject and text. Norwegian formats as on the invoice.
 */
public final class PlanLetters {

    static final Set<String> FIELDS = Set.of("planNumber", "agreedOn", "customerNumber", "amount", "invoiceNumbers", "count",
            "bankAccount", "graceDays", "sellerName", "sellerAddress", "sellerOrganisationNumber", "sellerEmail", "sellerPhone",
            "buyerName", "buyerAddress");
    static final Set<String> BLOCKS = Set.of("instalmentRows");

    private final String template;

    private PlanLetters(String template) {
        this.template = template;
    }

    /** @throws IllegalArgumentException naming the unknown merge fields */
    public static PlanLetters load(String html) {
        html = InvoiceTemplate.withSharedStyles(html);
        Set<String> unknown = InvoiceTemplate.unknownFields(html, FIELDS, BLOCKS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the instalment plan template names unknown merge fields " + unknown);
        }
        return new PlanLetters(html);
    }

    public static PlanLetters classpath() {
        try (var in = PlanLetters.class.getResourceAsStream("/templates/instalment-plan.html")) {
            return load(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The letter (XHTML). */
    public String letter(InstalmentPlan plan, int graceDays, InvoiceDocument.Seller seller, InvoiceDocument.Buyer buyer) {
        Map<String, String> v = new HashMap<>();
        v.put("planNumber", String.valueOf(plan.id()));
        v.put("agreedOn", InvoicePdf.dateOf(plan.agreedOn()));
        v.put("customerNumber", String.valueOf(buyer.customerNumber()));
        v.put("amount", InvoicePdf.moneyOf(plan.amount()));
        v.put("invoiceNumbers", invoiceNumbers(plan));
        v.put("count", String.valueOf(plan.instalments().size()));
        v.put("bankAccount", InvoicePdf.accountOf(seller.bankAccount()));
        v.put("graceDays", String.valueOf(graceDays));
        v.put("sellerName", seller.name());
        v.put("sellerAddress", seller.street() + ", " + seller.postcode() + " " + seller.city());
        v.put("sellerOrganisationNumber", seller.organisationNumber());
        v.put("sellerEmail", seller.email());
        v.put("sellerPhone", seller.phone());
        v.put("buyerName", buyer.name());
        v.put("buyerAddress", buyer.street() + ", " + buyer.postcode() + " " + buyer.city());
        StringBuilder rows = new StringBuilder();
        for (InstalmentPlan.Instalment i : plan.instalments()) {
            rows.append("<tr><td>").append(i.seq()).append("</td><td>").append(InvoicePdf.dateOf(i.dueDate())).append("</td><td class=\"n\">")
                    .append(InvoicePdf.moneyOf(i.amount())).append("</td><td>").append(InvoiceTemplate.escape(i.kid())).append("</td></tr>");
        }
        v.put("instalmentRows", rows.toString());
        return InvoiceTemplate.merge(template, BLOCKS, v);
    }

    public static String subject(InstalmentPlan plan, InvoiceDocument.Seller seller) {
        return "Avtale om nedbetaling nr. " + plan.id() + " fra " + seller.name();
    }

    /** The e-mail's text: the instalments in brief (the letter attached has them all). */
    public static String emailText(InstalmentPlan plan, InvoiceDocument.Seller seller, InvoiceDocument.Buyer buyer) {
        StringBuilder t = new StringBuilder("Hei ").append(buyer.name()).append(",\n\n");
        t.append("takk for avtalen: du betaler ").append(InvoicePdf.moneyOf(plan.amount())).append(" kr for faktura ")
                .append(invoiceNumbers(plan)).append(" i ").append(plan.instalments().size()).append(" månedlige avdrag til konto ")
                .append(InvoicePdf.accountOf(seller.bankAccount())).append(", hvert med sin egen KID:\n\n");
        for (InstalmentPlan.Instalment i : plan.instalments()) {
            t.append("  ").append(i.seq()).append(". ").append(InvoicePdf.dateOf(i.dueDate())).append("  ").append(InvoicePdf.moneyOf(i.amount()))
                    .append(" kr  KID ").append(i.kid()).append('\n');
        }
        t.append("\nAvtalen er vedlagt. Så lenge avdragene betales, sender vi ingen purring for fakturaene i avtalen.\n");
        t.append("\nHilsen ").append(seller.name()).append('\n').append(seller.email()).append(" · ").append(seller.phone()).append('\n');
        return t.toString().replace('\u00a0', ' ');
    }

    private static String invoiceNumbers(InstalmentPlan plan) {
        return plan.invoices().stream().map(i -> String.valueOf(i.invoiceNumber())).collect(Collectors.joining(", "));
    }
}
