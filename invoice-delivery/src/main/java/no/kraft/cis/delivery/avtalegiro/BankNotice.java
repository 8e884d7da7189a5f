package no.kraft.cis.delivery.avtalegiro;

import java.util.List;

/**
 * The text the payer's bank prints on the notice of a claim of transaction type 21: up to {@value #MAX_LINES} lines
 * of up to {@value #LINE_LENGTH} characters. In the file each line is two specification records (49), column 1 its
 * first 40 characters and column 2 the rest; both are written even when the second half is blank, so the line
 * numbering needs no gaps and a blank line survives. Trailing blanks of a line are dropped, as the file cannot keep
 * them.
 */
public record BankNotice(List<String> lines) {

    public static final int MAX_LINES = 42;
    public static final int LINE_LENGTH = 80;

    public BankNotice {
        lines = lines.stream().map(String::stripTrailing).toList();
    }

    public static BankNotice of(String... lines) {
        return new BankNotice(List.of(lines));
    }
}
