package no.kraft.cis.delivery.ehf;

import no.kraft.cis.delivery.document.InvoiceDocument;

/**
 * An EHF 3.0 invoice or credit note that passed the official rules and may be sent: its UBL 2.1 XML (UTF-8) and the
 * validation it passed (which may list warnings).
 *
 * @param number the invoice or credit note number (the UBL {@code cbc:ID})
 */
public record EhfDocument(InvoiceDocument.Kind kind, long number, byte[] xml, EhfValidation validation) {

    public EhfDocument {
        if (!validation.valid()) {
            throw new IllegalArgumentException("an EhfDocument is only made from a valid document: " + validation.errors());
        }
        xml = xml.clone();
    }

    @Override
    public byte[] xml() {
        return xml.clone();
    }
}
