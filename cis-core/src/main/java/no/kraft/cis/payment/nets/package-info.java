/**
 * Nets' (Mastercard Payment Services') fixed-width record format: every record (post) 80 characters, positions 1–2 the
 * format code {@code NY}, 3–4 the service code, 5–6 the transaction or assignment type, 7–8 the record type; numeric
 * fields right-aligned and zero-filled, alphanumeric ones left-aligned and blank-filled, dates DDMMYY. One
 * {@link no.kraft.cis.payment.nets.NetsRecord} for the record mechanics — splitting a file into records, the
 * line-length rule, reading and writing fields — shared by the OCR giro reader ({@code payment.file}) and
 * invoice-delivery's AvtaleGiro files, so both take and refuse the same lines. What a record means is the readers'.
 */
@org.springframework.modulith.NamedInterface("nets")
package no.kraft.cis.payment.nets;
