/**
 * Incoming-payment files from Norwegian banks (innbetalingsfiler), read into plain values: Nets OCR giro files
 * (fixed 80-character records) and ISO 20022 camt.054 credit notifications. Pure parsing — no storage, no matching of
 * KIDs to invoices; a file with an error is rejected whole with an {@link no.kraft.cis.rule.InvalidValueException}
 * whose rule is one of {@code paymentFile.format}, {@code paymentFile.lineLength} (an OCR line longer than 80
 * characters, or cut inside a numeric field — the record rule of {@link no.kraft.cis.payment.nets.NetsRecord}),
 * {@code paymentFile.controlSum}, {@code paymentFile.recordCount}, {@code paymentFile.currency},
 * {@code paymentFile.creditAccount} or {@code paymentFile.duplicateReference}; an OCR refusal is a
 * {@link no.kraft.cis.payment.nets.NetsFileException} with its {@code line()}.
 */
@org.springframework.modulith.NamedInterface("file")
package no.kraft.cis.payment.file;
