package no.kraft.cis.delivery.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.standin.SmsGatewayStandIn;

/** The SMS tests' shared values: the gateway account, our settings for it, and an invoice to give notice of. */
final class SmsTestData {

    static final SmsGatewayStandIn.Account ACCOUNT = new SmsGatewayStandIn.Account("kraft-cis", "s3cret-pass", "COMMON_API", "21700");
    static final String SENDER = "KraftDemo";
    static final String LINK = "https://kraft.example/f/7Kq2Xw9P";

    private SmsTestData() {
    }

    static SmsGatewayStandIn standIn() {
        try {
            return new SmsGatewayStandIn(0, ACCOUNT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SmsGateway.Settings settings(SmsGatewayStandIn gateway) {
        return new SmsGateway.Settings(gateway.baseUrl(), ACCOUNT.username(), ACCOUNT.password(), ACCOUNT.platformId(),
                ACCOUNT.platformPartnerId(), SENDER, List.of(), Duration.ofSeconds(5));
    }

    static SmsGateway.Settings withPassword(SmsGateway.Settings s, String password) {
        return new SmsGateway.Settings(s.baseUrl(), s.username(), password, s.platformId(), s.platformPartnerId(), s.sender(),
                s.deliveryReportGates(), s.timeout());
    }

    static SmsGateway.Settings withGates(SmsGateway.Settings s, List<String> gates) {
        return new SmsGateway.Settings(s.baseUrl(), s.username(), s.password(), s.platformId(), s.platformPartnerId(), s.sender(), gates,
                s.timeout());
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
