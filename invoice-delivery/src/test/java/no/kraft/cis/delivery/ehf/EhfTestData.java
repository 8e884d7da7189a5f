package no.kraft.cis.delivery.ehf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoiceDocument.Agreement;
import no.kraft.cis.delivery.document.InvoiceDocument.Buyer;
import no.kraft.cis.delivery.document.InvoiceDocument.Category;
import no.kraft.cis.delivery.document.InvoiceDocument.Explanation;
import no.kraft.cis.delivery.document.InvoiceDocument.Line;
import no.kraft.cis.delivery.document.InvoiceDocument.MeteringPointPart;
import no.kraft.cis.delivery.document.InvoiceDocument.Seller;
import no.kraft.cis.delivery.document.InvoiceDocument.VatRow;
import no.kraft.cis.invoice.Kid;

/**
 * A housing cooperative's October 2026 power invoice for two jointly metered points (fellesmåling), with every amount
 * worked out by hand below, and the credit note that cancels it as cis-core issues one (the lines reversed).
 */
final class EhfTestData {

    static final long CUSTOMER = 1_234_567;
    static final long INVOICE = 10_042;
    static final long CREDIT_NOTE = 10_043;
    static final String SELLER_ORGNR = "812345672";
    static final String BUYER_ORGNR = "987654325";
    static final String POINT_1 = "707057500000000018";
    static final String POINT_2 = "707057500000000032";
    static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 1);

    // Each line is rounded to øre once (HALF_UP), as norgespris-billing's InvoiceLines does; VAT 25 % per line likewise.
    //
    // point 1, 1 234.567 kWh:
    //  1 spot      1 234.567 kWh × 0.873215 = 1 078.042422905 → 1 078.04   VAT 269.51 (269.51)
    //  2 markup    1 234.567 kWh × 0.049000 =    60.493783    →    60.49   VAT  15.1225 → 15.12
    //  3 fixed     49.00 × 31/31 days (31 × 1.580645 = 48.999995)→  49.00   VAT  12.25
    //  4 Norgespris 1 234.567 kWh × −0.473215 = −584.215622905 → −584.22   VAT −146.055 → −146.06
    // point 2, 456.789 kWh:
    //  5 spot        456.789 kWh × 0.912345 =   416.749160205 →   416.75   VAT 104.1875 → 104.19
    //  6 markup      456.789 kWh × 0.049000 =    22.382661    →    22.38   VAT   5.595 → 5.60
    //  7 fixed     49.00 × 31/31                             →    49.00   VAT  12.25
    //  8 Norgespris  456.789 kWh × −0.512345 = −234.033560205 →  −234.03   VAT −58.5075 → −58.51
    //
    // net   1 078.04 + 60.49 + 49.00 − 584.22 + 416.75 + 22.38 + 49.00 − 234.03 = 857.41
    // VAT   269.51 + 15.12 + 12.25 − 146.06 + 104.19 + 5.60 + 12.25 − 58.51 = 214.35 (and 857.41 × 0.25 = 214.3525 → 214.35)
    // total 857.41 + 214.35 = 1 071.76
    static final BigDecimal NET = new BigDecimal("857.41");
    static final BigDecimal VAT = new BigDecimal("214.35");
    static final BigDecimal TOTAL = new BigDecimal("1071.76");

    private EhfTestData() {
    }

    static Seller seller() {
        return new Seller("Kraft Nord AS", SELLER_ORGNR, "Kraftgata 1", "0150", "Oslo", "8601.11.17947", "faktura@kraftnord.no",
                "22 00 00 00", "https://kraftnord.no");
    }

    static Buyer buyer(String organisationNumber) {
        return new Buyer(CUSTOMER, "Solsiden Borettslag", organisationNumber, "Solveien 10", "0470", "Oslo", "styret@solsiden.no", null);
    }

    static InvoiceDocument powerInvoice() {
        return powerInvoice(buyer(BUYER_ORGNR));
    }

    static InvoiceDocument powerInvoice(Buyer buyer) {
        MeteringPointPart point1 = new MeteringPointPart(POINT_1, "Solveien 10, 0470 Oslo", List.of(
                line(1, "SPOT", "Spotpris NO1", Category.POWER, "1234.567", "kWh", "0.873215", "1078.04", "269.51"),
                line(2, "MARKUP", "Påslag", Category.POWER, "1234.567", "kWh", "0.049000", "60.49", "15.12"),
                line(3, "FIXED", "Fastbeløp", Category.OTHER, "31", "day", "1.580645", "49.00", "12.25"),
                line(4, "NORGESPRIS", "Norgespris", Category.COMPENSATION, "1234.567", "kWh", "-0.473215", "-584.22", "-146.06")),
                new Explanation("NORGESPRIS", new BigDecimal("1234.567"), new BigDecimal("1234.567"), new BigDecimal("5000"),
                        new BigDecimal("-0.473215"), new BigDecimal("-584.22")));
        MeteringPointPart point2 = new MeteringPointPart(POINT_2, "Solveien 12, 0470 Oslo", List.of(
                line(5, "SPOT", "Spotpris NO1", Category.POWER, "456.789", "kWh", "0.912345", "416.75", "104.19"),
                line(6, "MARKUP", "Påslag", Category.POWER, "456.789", "kWh", "0.049000", "22.38", "5.60"),
                line(7, "FIXED", "Fastbeløp", Category.OTHER, "31", "day", "1.580645", "49.00", "12.25"),
                line(8, "NORGESPRIS", "Norgespris", Category.COMPENSATION, "456.789", "kWh", "-0.512345", "-234.03", "-58.51")),
                new Explanation("NORGESPRIS", new BigDecimal("456.789"), new BigDecimal("456.789"), new BigDecimal("5000"),
                        new BigDecimal("-0.512345"), new BigDecimal("-234.03")));
        return new InvoiceDocument(InvoiceDocument.Kind.INVOICE, INVOICE, null, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 20),
                FROM, TO, Kid.of(CUSTOMER, INVOICE).value(), seller(), buyer, agreement(), List.of(point1, point2),
                List.of(new VatRow(new BigDecimal("0.25"), NET, VAT)), NET, VAT, TOTAL);
    }

    /**
     * A holiday-home owner's company in Tromsø, zero-rated ("fritatt") power, one point:
     * spot 300.000 kWh × 1.000000 = 300.00, markup 300.000 kWh × 0.050000 = 15.00; net 315.00, VAT 0, total 315.00.
     */
    static InvoiceDocument zeroRatedInvoice() {
        BigDecimal zero = new BigDecimal("0.00");
        MeteringPointPart point = new MeteringPointPart("707057500000000049", "Storgata 1, 9008 Tromsø", List.of(
                new Line(1, "SPOT", "Spotpris NO4", Category.POWER, FROM, TO, new BigDecimal("300.000"), "kWh", new BigDecimal("1.000000"),
                        new BigDecimal("300.00"), BigDecimal.ZERO, zero),
                new Line(2, "MARKUP", "Påslag", Category.POWER, FROM, TO, new BigDecimal("300.000"), "kWh", new BigDecimal("0.050000"),
                        new BigDecimal("15.00"), BigDecimal.ZERO, zero)), null);
        BigDecimal net = new BigDecimal("315.00");
        return new InvoiceDocument(InvoiceDocument.Kind.INVOICE, 10_044, null, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 20),
                FROM, TO, Kid.of(CUSTOMER, 10_044).value(), seller(), buyer(BUYER_ORGNR), agreement(), List.of(point),
                List.of(new VatRow(BigDecimal.ZERO, net, zero)), net, zero, net);
    }

    /** The credit note cancelling {@link #powerInvoice()} in full, with cis-core's signs: each line reversed. */
    static InvoiceDocument creditNote() {
        InvoiceDocument invoice = powerInvoice();
        List<MeteringPointPart> points = invoice.points().stream()
                .map(p -> new MeteringPointPart(p.meteringPointId(), p.address(), p.lines().stream().map(EhfTestData::reversed).toList(),
                        p.explanation()))
                .toList();
        List<VatRow> vat = invoice.vat().stream().map(r -> new VatRow(r.rate(), r.base().negate(), r.vat().negate())).toList();
        LocalDate issued = LocalDate.of(2026, 11, 12);
        return new InvoiceDocument(InvoiceDocument.Kind.CREDIT_NOTE, CREDIT_NOTE, INVOICE, issued, issued, FROM, TO,
                Kid.of(CUSTOMER, CREDIT_NOTE).value(), invoice.seller(), invoice.buyer(), invoice.agreement(), points, vat,
                NET.negate(), VAT.negate(), TOTAL.negate());
    }

    /** As cis-core's InvoiceLine.reversed(): quantity and amounts negated, the unit price kept. */
    private static Line reversed(Line l) {
        return new Line(l.lineNumber(), l.elementCode(), l.text(), l.category(), l.from(), l.to(), l.quantity().negate(), l.unit(),
                l.unitPrice(), l.netAmount().negate(), l.vatRate(), l.vatAmount().negate());
    }

    static Agreement agreement() {
        return new Agreement("Spotpris Borettslag", "Løpende, uten bindingstid", "Endringer varsles 30 dager før", null);
    }

    static Line line(int number, String code, String text, Category category, String quantity, String unit, String unitPrice,
            String net, String vat) {
        return new Line(number, code, text, category, FROM, TO, new BigDecimal(quantity), unit, new BigDecimal(unitPrice),
                new BigDecimal(net), new BigDecimal("0.25"), new BigDecimal(vat));
    }
}
