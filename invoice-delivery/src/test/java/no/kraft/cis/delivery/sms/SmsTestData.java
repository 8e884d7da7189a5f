package no.kraft.cis.delivery.sms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.delivery.document.InvoiceDocument;

/** The SMS tests' shared values: an invoice to give notice of, and its link. */
final class SmsTestData {

    static final String LINK = "https://kraft.example/f/7Kq2Xw9P";

    private SmsTestData() {
    }

    /** Invoice 7000123 from Kraft Demo AS, 1 061,09 kr due 20.04.2026, to Kari Nordmann on 912 34 567. */
    static InvoiceDocument invoice() {
        var seller = new InvoiceDocument.Seller("Kraft Demo AS", "923609016", "Kraftveien 1", "0150", "Oslo", "15032080119",
                "faktura@kraft.example", "22 00 00 00", "kraft.example");
        var buyer = new InvoiceDocument.Buyer(1000017, "Kari Nordmann", null, "Storgata 1", "0155", "Oslo", "kari@example.no", "912 34 567");
        return new InvoiceDocument(InvoiceDocument.Kind.INVOICE, 7000123, null, LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 20),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), "100000170001234", seller, buyer, null, List.of(), List.of(),
                new BigDecimal("848.87"), new BigDecimal("212.22"), new BigDecimal("1061.09"));
    }
}
