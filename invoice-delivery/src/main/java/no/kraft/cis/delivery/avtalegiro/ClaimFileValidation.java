package no.kraft.cis.delivery.avtalegiro;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.kraft.cis.rule.FieldValidation;

/**
 * What a claim file must satisfy before it is written, every broken rule named by its field
 * ({@code assignments[0].claims[2].dueDate}). Here rather than in the records' constructors because the field path
 * and {@code today} are only known for the whole file.
 */
final class ClaimFileValidation {

    /** The largest number 17 digits hold: an amount, and the sums in the end records. */
    static final long MAX_ORE = 99_999_999_999_999_999L;
    /** The largest 7-digit transmission, assignment or transaction number. */
    static final int MAX_NUMBER = 9_999_999;
    /** Nets: a KID is 4–25 digits (cis-core's {@link no.kraft.cis.invoice.Kid} checks the digits, at most 25 and MOD10). */
    static final int MIN_KID_LENGTH = 4;
    static final int MAX_MONTHS_AHEAD = 12;

    private final FieldValidation check = new FieldValidation();
    private final LocalDate today;

    private ClaimFileValidation(LocalDate today) {
        this.today = today;
    }

    static void check(ClaimFile file, LocalDate today) {
        ClaimFileValidation validation = new ClaimFileValidation(today);
        validation.file(file);
        validation.check.throwIfInvalid();
    }

    private void file(ClaimFile file) {
        digits("dataSender", file.dataSender(), 8);
        number("transmissionNumber", file.transmissionNumber());
        if (file.assignments().isEmpty()) {
            check.reject("assignments", "required", "a claim file holds at least one assignment");
        }
        Set<Integer> assignmentNumbers = new HashSet<>();
        long sum = 0;
        for (int i = 0; i < file.assignments().size(); i++) {
            ClaimFile.Assignment assignment = file.assignments().get(i);
            String field = "assignments[" + i + "]";
            if (assignment.type() == null) {
                check.reject(field + ".type", "required", "must be present");
            }
            number(field + ".assignmentNumber", assignment.assignmentNumber());
            if (!assignmentNumbers.add(assignment.assignmentNumber())) {
                check.reject(field + ".assignmentNumber", "avtaleGiro.duplicate",
                        "assignment number " + assignment.assignmentNumber() + " is used twice in the file");
            }
            if (digits(field + ".payeeAccount", assignment.payeeAccount(), 11)
                    && !mod11Valid(assignment.payeeAccount())) {
                check.reject(field + ".payeeAccount", "avtaleGiro.accountCheckDigit",
                        "the account number's MOD11 check digit is wrong");
            }
            sum = atMostOneOver(sum + assignment(field, assignment));
        }
        if (sum > MAX_ORE) {
            check.reject("assignments", "avtaleGiro.sumTooLarge",
                    "the amounts add up to more than the transmission end's 17 digits hold");
        }
    }

    /** The sum in øre of the assignment's valid amounts, at most {@code MAX_ORE + 1} (more does not matter). */
    private long assignment(String field, ClaimFile.Assignment assignment) {
        if (assignment.claims().isEmpty()) {
            check.reject(field + ".claims", "required", "an assignment holds at least one claim");
        }
        Set<Integer> transactionNumbers = new HashSet<>();
        long sum = 0;
        for (int j = 0; j < assignment.claims().size(); j++) {
            Claim claim = assignment.claims().get(j);
            String claimField = field + ".claims[" + j + "]";
            number(claimField + ".transactionNumber", claim.transactionNumber());
            if (!transactionNumbers.add(claim.transactionNumber())) {
                check.reject(claimField + ".transactionNumber", "avtaleGiro.duplicate",
                        "transaction number " + claim.transactionNumber() + " is used twice in the assignment");
            }
            claim(claimField, assignment.type(), claim);
            if (claim.amountInOre() > 0 && claim.amountInOre() <= MAX_ORE) {
                sum = atMostOneOver(sum + claim.amountInOre());
            }
        }
        if (sum > MAX_ORE) {
            check.reject(field + ".claims", "avtaleGiro.sumTooLarge",
                    "the amounts add up to more than the assignment end's 17 digits hold");
        }
        return sum;
    }

    /** Both terms of a sum are at most MAX_ORE + 1, so the sum cannot overflow a long before it is capped. */
    private static long atMostOneOver(long sum) {
        return Math.min(sum, MAX_ORE + 1);
    }

    private void claim(String field, ClaimFile.AssignmentType type, Claim claim) {
        LocalDate due = claim.dueDate();
        if (due == null) {
            check.reject(field + ".dueDate", "required", "must be present");
        } else if (!due.isAfter(today)) {
            // a claim is sent before it is due; a deletion must reach Nets by 14:00 the day before the due date
            check.reject(field + ".dueDate", "avtaleGiro.dueDate", "due " + due + ", not after today (" + today + ")");
        } else if (due.isAfter(today.plusMonths(MAX_MONTHS_AHEAD))) {
            check.reject(field + ".dueDate", "avtaleGiro.dueDate",
                    "due " + due + ", more than " + MAX_MONTHS_AHEAD + " months after today (" + today + ")");
        }
        if (claim.amountInOre() <= 0) {
            check.reject(field + ".amountInOre", "avtaleGiro.amount", "an amount must be more than 0 øre");
        } else if (claim.amountInOre() > MAX_ORE) {
            check.reject(field + ".amountInOre", "avtaleGiro.amount", "an amount must fit in 17 digits of øre");
        }
        if (claim.kid() == null) {
            check.reject(field + ".kid", "required", "must be present");
        } else if (claim.kid().value().length() < MIN_KID_LENGTH) {
            check.reject(field + ".kid", "avtaleGiro.kidLength", "Nets takes a KID of 4–25 digits");
        }
        text(field + ".payerShortName", claim.payerShortName(), 10);
        text(field + ".externalReference", claim.externalReference(), 25);
        if (claim.bankNotice() != null) {
            notice(field + ".bankNotice", type, claim.bankNotice());
        }
    }

    private void notice(String field, ClaimFile.AssignmentType type, BankNotice notice) {
        if (type == ClaimFile.AssignmentType.DELETIONS) {
            check.reject(field, "avtaleGiro.deletionNotice", "a deletion carries no notice (see Claim.withoutNotice)");
            return;
        }
        List<String> lines = notice.lines();
        if (lines.size() > BankNotice.MAX_LINES) {
            check.reject(field + ".lines", "avtaleGiro.noticeLines",
                    lines.size() + " lines, a notice has at most " + BankNotice.MAX_LINES);
        }
        for (int k = 0; k < lines.size(); k++) {
            text(field + ".lines[" + k + "]", lines.get(k), BankNotice.LINE_LENGTH);
        }
    }

    private boolean digits(String field, String value, int length) {
        if (value == null || !value.matches("\\d{" + length + "}")) {
            check.reject(field, "avtaleGiro.digits", "must be " + length + " digits");
            return false;
        }
        return true;
    }

    private void number(String field, int value) {
        if (value < 1 || value > MAX_NUMBER) {
            check.reject(field, "avtaleGiro.number", value + " is not 1–" + MAX_NUMBER);
        }
    }

    /** Fits its field, is representable in ISO-8859-1 and holds no control character (a line break would split a record). */
    private void text(String field, String value, int width) {
        if (value.length() > width) {
            check.reject(field, "avtaleGiro.textLength", value.length() + " characters, the field holds " + width);
        }
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(value) || value.chars().anyMatch(Character::isISOControl)) {
            check.reject(field, "avtaleGiro.charset", "'" + value + "' has a character ISO-8859-1 text cannot hold");
        }
    }

    /** Norwegian account number: weights 5,4,3,2,7,6,5,4,3,2 on the first ten digits, check digit 11 − sum mod 11. */
    static boolean mod11Valid(String account) {
        int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (account.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check != 10 && (check == 11 ? 0 : check) == account.charAt(10) - '0';
    }
}
