/**
 * The invoice documents: the plain {@link no.kraft.cis.delivery.document.InvoiceDocument} gathered from the issued
 * invoice, the PDF/A made from our template, and the store that keeps each document once, unchanged.
 */
@org.springframework.modulith.NamedInterface("document")
package no.kraft.cis.delivery.document;
