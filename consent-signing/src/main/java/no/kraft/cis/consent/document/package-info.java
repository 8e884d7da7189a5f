/** Our order confirmation (template → PDF/A-2b) and the stored PDFs of an order. */
@org.springframework.modulith.NamedInterface("document")
package no.kraft.cis.consent.document;
