package no.kraft.cis.payment.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds OCR giro records for tests, field by field in the Nets layout (positions in the comments are 1-based and
 * inclusive), so that a test shows the numbers it puts in the end records.
 */
final class OcrRecords {

    /** Kraft's incoming account, MOD11-valid. */
    static final String ACCOUNT = "15035012343";
    static final String AGREEMENT = "001234567";

    private OcrRecords() {
    }

    /** 9–16 data transmitter, 17–23 transmission number, 24–31 data recipient, zeros. */
    static String transmissionStart(String transmitter, String number) {
        return record("NY000010" + transmitter + number + "00123456" + zeros(49));
    }

    /** 9–17 agreement ID, 18–24 assignment number, 25–35 assignment account, zeros. */
    static String assignmentStart(String assignmentNumber, String account) {
        return record("NY090020" + AGREEMENT + assignmentNumber + account + zeros(45));
    }

    /**
     * 9–15 transaction number, 16–21 nets date, 22–23 centre, 24–25 day code, 26 partial settlement, 27–31 serial,
     * 32 sign, 33–49 amount in øre, 50–74 KID right-aligned, 75–76 card issuer (blank), 77–80 zeros.
     */
    static String amountItem1(String type, int number, String netsDate, char sign, long ore, String kid) {
        return record("NY09" + type + "30" + "%07d".formatted(number) + netsDate + "02" + "06" + "1" + "00001" + sign
                + "%017d".formatted(ore) + "%25s".formatted(kid) + "  " + "0000");
    }

    /**
     * 9–15 transaction number, 16–25 form number, 26–34 agreement ID, 35–41 zeros, 42–47 payment date, 48–58 debit
     * account, 59–80 zeros.
     */
    static String amountItem2(String type, int number, String paymentDate, String debitAccount) {
        return record("NY09" + type + "31" + "%07d".formatted(number) + "4200318765" + AGREEMENT + zeros(7) + paymentDate
                + debitAccount + zeros(22));
    }

    /** 9–15 transaction number, 16–55 free text, 56–80 zeros. */
    static String amountItem3(String type, int number, String text) {
        return record("NY09" + type + "32" + "%07d".formatted(number) + "%-40s".formatted(text) + zeros(25));
    }

    /** 9–16 transactions, 17–24 records (start and end included), 25–41 sum in øre, 42–59 nets/first/last date. */
    static String assignmentEnd(int transactions, int records, long ore, String netsDate) {
        return record("NY090088" + "%08d".formatted(transactions) + "%08d".formatted(records) + "%017d".formatted(ore)
                + netsDate + netsDate + netsDate + zeros(21));
    }

    /** 9–16 transactions, 17–24 records (start and end included), 25–41 sum in øre, 42–47 nets date. */
    static String transmissionEnd(int transactions, int records, long ore, String netsDate) {
        return record("NY000089" + "%08d".formatted(transactions) + "%08d".formatted(records) + "%017d".formatted(ore)
                + netsDate + zeros(33));
    }

    static byte[] file(List<String> records) {
        return (String.join("\r\n", records) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static String zeros(int length) {
        return "0".repeat(length);
    }

    private static String record(String text) {
        assertThat(text).as("an OCR record is 80 characters: %s", text).hasSize(80);
        return text;
    }
}
