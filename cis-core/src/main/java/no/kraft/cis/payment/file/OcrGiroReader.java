package no.kraft.cis.payment.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import no.kraft.cis.payment.nets.NetsRecord;
import no.kraft.cis.rule.InvalidValueException;

/**
 * Reads a Nets OCR giro file: a transmission (forsendelse) of assignments (oppdrag) of transactions, each transaction
 * an amount item 1 (beløpspost 1: nets date, amount in øre, KID), an amount item 2 (beløpspost 2: payment date,
 * debited account) and for some transaction types an amount item 3 (free text, ignored). Record order, the
 * transaction numbers of the items, and the counts and sums in the assignment and transmission end records are
 * checked. Blank lines, short and long lines as {@link NetsRecord} says: a line whose trailing spaces were trimmed is
 * padded, one with more than 80 characters before them refused.
 */
final class OcrGiroReader {

    static final String TRANSMISSION_START = "NY000010";
    static final Pattern LINE_BREAK = Pattern.compile("\r\n|\n|\r");

    private static final String OCR_GIRO_SERVICE = "09";
    private static final DateTimeFormatter REFERENCE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final List<NetsRecord> records;
    private int next;
    private final List<IncomingPayment> payments = new ArrayList<>();
    private final Set<String> creditAccounts = new LinkedHashSet<>();

    private OcrGiroReader(List<NetsRecord> records) {
        this.records = records;
    }

    /** Records split, and their line lengths taken, by {@link NetsRecord}'s rule (rules {@code paymentFile.…}). */
    static PaymentFile read(String text) {
        return new OcrGiroReader(NetsRecord.split(text, "paymentFile")).transmission();
    }

    private PaymentFile transmission() {
        NetsRecord start = take();
        if (!start.code().equals(TRANSMISSION_START)) {
            throw start.error("paymentFile.format", "the file must begin with a transmission start (" + TRANSMISSION_START + ")");
        }
        String messageId = "OCR-" + start.digits(9, 16, "data transmitter") + "-"
                + start.digits(17, 23, "transmission number");
        start.digits(24, 31, "data recipient");
        Totals totals = Totals.NONE;
        while (peekIsAssignmentRecord("20")) {
            totals = totals.plus(assignment());
        }
        NetsRecord end = take();
        if (!end.code().equals("NY000089")) {
            throw end.error("paymentFile.format", "expected an assignment start (NY090020) or the transmission end (NY000089)");
        }
        end.date(42, 47, "nets date");
        checkTotals(end, "transmission", totals, next);
        if (next < records.size()) {
            throw records.get(next).error("paymentFile.format", "nothing may follow the transmission end");
        }
        String creditAccount = creditAccounts.isEmpty() ? null : creditAccounts.iterator().next();
        return new PaymentFile(PaymentFileFormat.OCR_GIRO, messageId, creditAccount, payments);
    }

    private Totals assignment() {
        int firstRecord = next;
        NetsRecord start = take();
        if (!start.type().equals("00")) {
            throw start.error("paymentFile.format", "assignment type " + start.type() + " is not 00");
        }
        start.digits(9, 17, "agreement ID");
        String assignmentNumber = start.digits(18, 24, "assignment number");
        String account = start.digits(25, 35, "assignment account");
        if (!account.equals("0".repeat(11))) {
            creditAccounts.add(account);
            if (creditAccounts.size() > 1) {
                throw start.error("paymentFile.creditAccount", "assignment " + assignmentNumber + " credits account "
                        + account + ", an earlier one " + creditAccounts.iterator().next()
                        + ": one file must credit one account");
            }
        }
        Totals totals = Totals.NONE;
        while (peekIsAssignmentRecord("30")) {
            totals = totals.plus(transaction(assignmentNumber));
        }
        NetsRecord end = take();
        if (!end.code().equals("NY090088")) {
            throw end.error("paymentFile.format", "expected an amount item 1 (record type 30) or the end of assignment "
                    + assignmentNumber + " (NY090088)");
        }
        end.date(42, 47, "nets date");
        end.date(48, 53, "first date");
        end.date(54, 59, "last date");
        checkTotals(end, "assignment " + assignmentNumber, totals, next - firstRecord);
        return totals;
    }

    /** Amount item 1, amount item 2 and an optional amount item 3: one payment. */
    private Totals transaction(String assignmentNumber) {
        NetsRecord first = take();
        String type = first.digits(5, 6, "transaction type");
        String number = first.digits(9, 15, "transaction number");
        LocalDate netsDate = first.date(16, 21, "nets date");
        if (netsDate == null) {
            throw first.error("paymentFile.format", "transaction " + number + " has no nets date");
        }
        String sign = first.field(32, 32);
        if (!sign.equals("-") && !sign.equals("0")) {
            throw first.error("paymentFile.format", "sign (position 32) '" + sign + "' is neither '-' nor '0'");
        }
        long ore = first.number(33, 49, "amount") * (sign.equals("-") ? -1 : 1);
        String kid = first.field(50, 74).strip();

        NetsRecord second = take();
        if (!second.code().equals("NY09" + type + "31")) {
            throw second.error("paymentFile.format", "expected amount item 2 (NY09" + type + "31) of transaction " + number);
        }
        if (!second.field(9, 15).equals(number)) {
            throw second.error("paymentFile.format", "amount item 2 is for transaction " + second.field(9, 15)
                    + ", the amount item 1 before it for " + number);
        }
        LocalDate paymentDate = second.date(42, 47, "payment date");
        String debitAccount = second.field(48, 58).strip();

        if (next < records.size() && records.get(next).code().equals("NY09" + type + "32")) {
            NetsRecord third = take();
            if (!third.field(9, 15).equals(number)) {
                throw third.error("paymentFile.format", "amount item 3 belongs to transaction " + third.field(9, 15)
                        + ", not " + number);
            }
        }
        payments.add(new IncomingPayment(
                "OCR-" + assignmentNumber + "-" + number + "-" + netsDate.format(REFERENCE_DATE),
                paymentDate != null ? paymentDate : netsDate,
                BigDecimal.valueOf(ore, 2),
                kid.isEmpty() ? null : kid,
                null,
                debitAccount.isEmpty() || debitAccount.chars().allMatch(c -> c == '0') ? null : debitAccount));
        return new Totals(1, ore);
    }

    /** The end record's number of transactions (9–16), of records (17–24) and sum in øre (25–41) against what was read. */
    private static void checkTotals(NetsRecord end, String what, Totals read, long recordCount) {
        long statedTransactions = end.number(9, 16, "number of transactions");
        if (statedTransactions != read.transactions()) {
            throw end.error("paymentFile.recordCount", what + " states " + statedTransactions + " transactions, "
                    + read.transactions() + " were read");
        }
        long statedRecords = end.number(17, 24, "number of records");
        if (statedRecords != recordCount) {
            throw end.error("paymentFile.recordCount", what + " states " + statedRecords + " records, "
                    + recordCount + " were read");
        }
        long statedOre = end.number(25, 41, "sum amount");
        if (statedOre != read.ore()) {
            throw end.error("paymentFile.controlSum", what + " states a sum of " + statedOre + " øre, the amounts add up to "
                    + read.ore() + " øre");
        }
    }

    /** Whether the next record is of the given record type and belongs to an assignment (service code not 00). */
    private boolean peekIsAssignmentRecord(String recordType) {
        if (next >= records.size()) {
            return false;
        }
        NetsRecord record = records.get(next);
        if (!record.recordType().equals(recordType) || record.serviceCode().equals("00")) {
            return false;
        }
        if (!record.serviceCode().equals(OCR_GIRO_SERVICE)) {
            throw record.error("paymentFile.format", "service code " + record.serviceCode() + " is not OCR giro ("
                    + OCR_GIRO_SERVICE + ")");
        }
        return true;
    }

    private NetsRecord take() {
        if (next >= records.size()) {
            int lastLine = records.isEmpty() ? 0 : records.getLast().line();
            throw new InvalidValueException("paymentFile.format",
                    "the file ends after line " + lastLine + " without its transmission end (NY000089)");
        }
        return records.get(next++);
    }

    /** Transactions and their net amount in øre, as read. */
    private record Totals(long transactions, long ore) {

        static final Totals NONE = new Totals(0, 0);

        Totals plus(Totals other) {
            return new Totals(transactions + other.transactions, Math.addExact(ore, other.ore));
        }
    }
}
