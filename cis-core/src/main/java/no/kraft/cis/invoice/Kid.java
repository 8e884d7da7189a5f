package no.kraft.cis.invoice;

import no.kraft.cis.rule.InvalidValueException;

/**
 * A KID payment reference (kundeidentifikasjon): customer number (7 digits) + invoice number (9 digits) + a MOD10
 * (Luhn) check digit, 17 digits — what the bank's OCR giro / camt.054 gives back with the payment.
 */
public record Kid(String value) {

    public Kid {
        if (value == null || !value.matches("\\d{2,25}")) {
            throw new InvalidValueException("kid.format", "a KID is 2–25 digits");
        }
        if (checkDigit(value.substring(0, value.length() - 1)) != value.charAt(value.length() - 1) - '0') {
            throw new InvalidValueException("kid.checkDigit", "the KID's MOD10 check digit is wrong");
        }
    }

    public static Kid of(long customerNumber, long invoiceNumber) {
        String base = String.format("%07d%09d", customerNumber, invoiceNumber);
        return new Kid(base + checkDigit(base));
    }

    /**
     * A KID of another structure (another length than an invoice's 17 digits, so the two never collide): the digits
     * given followed by their MOD10 check digit — the same check the bank applies and the payment import reads.
     */
    public static Kid withCheckDigit(String base) {
        return new Kid(base + checkDigit(base));
    }

    /** MOD10 (Luhn): from the right, every other digit starting with the last is doubled (digits of products summed). */
    static int checkDigit(String base) {
        int sum = 0;
        boolean doubled = true;
        for (int i = base.length() - 1; i >= 0; i--) {
            int d = base.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
