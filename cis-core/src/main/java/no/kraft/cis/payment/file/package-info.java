/**
 * Incoming-payment files from Norwegian banks (innbetalingsfiler), read into plain values: Nets OCR giro files
 * (fixed 80-character records) and ISO 20022 camt.054 credit notifications. Pure parsing — no storage, no matching of
 * KIDs to invoices; a file with an error is rejected whole with an {@link no.kraft.cis.rule.InvalidValueException}
 * whose rule is one of {@code paymentFile.format}, {@code paymentFile.controlSum}, {@code paymentFile.recordCount},
 * {@code paymentFile.currency}, {@code paymentFile.creditAccount} or {@code paymentFile.duplicateReference}.
 */
@org.springframework.modulith.NamedInterface("file")
package no.kraft.cis.payment.file;
