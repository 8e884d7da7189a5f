/**
 * EHF 3.0 (Peppol BIS Billing 3.0 with the Norwegian rules): an issued invoice or credit note's {@code InvoiceDocument}
 * rendered as a UBL 2.1 Invoice or CreditNote ({@link no.kraft.cis.delivery.ehf.EhfDocuments}), which may leave only
 * after the official rules pass ({@link no.kraft.cis.delivery.ehf.EhfValidator}, one per JVM). Sending it through a
 * Peppol access point is not here yet.
 */
@org.springframework.modulith.NamedInterface("ehf")
package no.kraft.cis.delivery.ehf;
