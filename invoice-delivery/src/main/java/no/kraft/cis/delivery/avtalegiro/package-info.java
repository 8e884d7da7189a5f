/**
 * AvtaleGiro files (Nets / Mastercard Payment Services, fixed 80-character records, ISO-8859-1), as plain values:
 * the mandate list Nets sends us ({@link no.kraft.cis.delivery.avtalegiro.MandateFileReader}), the claim file we send
 * Nets with claims and withdrawals of claims ({@link no.kraft.cis.delivery.avtalegiro.ClaimFileWriter}), and that
 * claim file read back ({@link no.kraft.cis.delivery.avtalegiro.ClaimFileReader}). Pure codec: no Spring, no storage,
 * no clock (the writer is given {@code today}). A broken file is refused whole with a
 * {@link no.kraft.cis.payment.nets.NetsFileException} naming the line and the rule; bad input to the writer
 * with a {@link no.kraft.cis.rule.ValidationFailedException} naming the field.
 */
@org.springframework.modulith.NamedInterface("avtalegiro")
package no.kraft.cis.delivery.avtalegiro;
