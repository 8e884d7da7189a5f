package no.kraft.cis.delivery;

import no.kraft.cis.delivery.document.InvoiceDocument;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Invoice documents and their delivery ({@code cis.invoice.*}).
 *
 * @param seller our company as the documents name it
 * @param changeNotice how changes to the agreement are notified (RME's 2022 invoice rules want it on the invoice)
 * @param mailFrom the sender of invoice e-mails
 */
@ConfigurationProperties("cis.invoice")
public record InvoiceDeliveryProperties(InvoiceDocument.Seller seller, String changeNotice, String mailFrom) {

    public InvoiceDeliveryProperties {
        seller = seller == null ? new InvoiceDocument.Seller("Kraft Demo AS", "923609016", "Kraftveien 1", "0150", "Oslo", "15032080119",
                "faktura@kraft.example", "22 00 00 00", "https://kraft.example") : seller;
        changeNotice = changeNotice == null
                ? "Endringer i pris og vilkår varsles på e-post eller SMS minst 30 dager før de gjelder, og står på kraft.example/vilkar."
                : changeNotice;
        mailFrom = mailFrom == null ? seller.email() : mailFrom;
    }
}
