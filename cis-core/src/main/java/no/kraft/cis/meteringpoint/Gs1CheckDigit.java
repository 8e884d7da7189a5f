package no.kraft.cis.meteringpoint;

/**
 * The GS1 mod-10 check digit shared by GSRN (metering point IDs) and GLN (party IDs): over the digits before the check
 * digit, from the right, weights 3, 1, 3, 1, …; check = (10 − sum mod 10) mod 10.
 */
final class Gs1CheckDigit {

    private Gs1CheckDigit() {
    }

    static int of(String digitsWithoutCheck) {
        int sum = 0;
        int weight = 3;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            sum += weight * (digitsWithoutCheck.charAt(i) - '0');
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean isValid(String digits) {
        int last = digits.length() - 1;
        return of(digits.substring(0, last)) == digits.charAt(last) - '0';
    }
}
