package no.kraft.cis.delivery.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an invoice or credit note document shows, as plain values: made once from the issued invoice
 * ({@link InvoiceDocuments}) and rendered to PDF and EHF from this alone. Amounts in NOK with scale 2 (unit prices with
 * the scale they were billed with); periods half-open ({@code periodTo} is the first day after).
 *
 * @param creditsInvoiceNumber for a credit note, the invoice it credits
 * @param kid the payment reference (KID) the customer pays with
 * @param points the lines per metering point, in invoice-line order
 * @param vat one row per VAT rate
 */
public record InvoiceDocument(Kind kind, long invoiceNumber, Long creditsInvoiceNumber, LocalDate issueDate, LocalDate dueDate,
        LocalDate periodFrom, LocalDate periodTo, String kid, Seller seller, Buyer buyer, Agreement agreement, List<MeteringPointPart> points,
        List<VatRow> vat, BigDecimal netAmount, BigDecimal vatAmount, BigDecimal totalAmount) {

    public enum Kind { INVOICE, CREDIT_NOTE }

    /** Who sends it: our company (from configuration, {@code cis.invoice.seller.*}). */
    public record Seller(String name, String organisationNumber, String street, String postcode, String city, String bankAccount,
            String email, String phone, String website) {
    }

    /**
     * Who it is for.
     *
     * @param organisationNumber an organisation's number (its Peppol endpoint 0192), null for a person
     */
    public record Buyer(long customerNumber, String name, String organisationNumber, String street, String postcode, String city,
            String email, String mobile) {
    }

    /**
     * The power agreement as RME audits retailers for it (the 2022 invoice rules): its name and duration, how changes
     * are notified, and any price guarantee's duration.
     */
    public record Agreement(String productName, String duration, String changeNotice, String priceGuarantee) {
    }

    /** One metering point's part: its ID and address, its lines, and why it came to what it did. */
    public record MeteringPointPart(String meteringPointId, String address, List<Line> lines, Explanation explanation) {
    }

    /** What a line is, as the invoice must make clear: power, grid tariff, taxes, or the Norgespris / strømstøtte line. */
    public enum Category { POWER, GRID_TARIFF, TAX, COMPENSATION, OTHER }

    /**
     * One price element (one line per element, as the 2022 rules want).
     *
     * @param unit {@code kWh}, {@code month} or {@code day} (a code: the PDF shows it in Norwegian, the EHF as UN/ECE Rec 20)
     * @param vatRate e.g. 0.25 or 0
     */
    public record Line(int lineNumber, String elementCode, String text, Category category, LocalDate from, LocalDate to, BigDecimal quantity,
            String unit, BigDecimal unitPrice, BigDecimal netAmount, BigDecimal vatRate, BigDecimal vatAmount) {
    }

    /**
     * "Why this amount": the month's Norgespris or strømstøtte settlement of the point — consumption, the part inside the
     * cap (covered), the average hedge per covered kWh and the cap itself; null where the point had neither.
     *
     * @param scheme {@code NORGESPRIS} or {@code STROMSTOTTE}
     */
    public record Explanation(String scheme, BigDecimal consumedKwh, BigDecimal coveredKwh, BigDecimal capKwh, BigDecimal averagePerKwh,
            BigDecimal amount) {
    }

    /** The VAT summary: the base and VAT at one rate. */
    public record VatRow(BigDecimal rate, BigDecimal base, BigDecimal vat) {
    }

    /** Every line of every point, in order. */
    public List<Line> lines() {
        return points.stream().flatMap(p -> p.lines().stream()).toList();
    }
}
