package no.kraft.cis.delivery.avtalegiro;

import static no.kraft.cis.payment.nets.NetsRecord.date;
import static no.kraft.cis.payment.nets.NetsRecord.digits;
import static no.kraft.cis.payment.nets.NetsRecord.rightAligned;
import static no.kraft.cis.payment.nets.NetsRecord.text;
import static no.kraft.cis.payment.nets.NetsRecord.zeros;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.payment.nets.NetsRecord;

/**
 * Writes a claim file for Nets: transmission start (service 00, record 10), per assignment a start (service 21,
 * record 20), per claim amount item 1 (30) and amount item 2 (31) and, for transaction type 21, the notice's
 * specification records (49), an assignment end (88) with its number of transactions, of records (start and end
 * included), sum in øre and first and last due date, and the transmission end (89) with the same over the whole
 * file (first due date only).
 */
public final class ClaimFileWriter {

    /** Nets' customer unit id: the data recipient of every file sent to Nets. */
    static final String NETS = "00008080";

    /**
     * CR LF after every record, the last one included. Mastercard Payment Services asks for CR LF in files sent to
     * it ("line breaks should be represented by 0D / CR + 0A / LF",
     * https://www.mastercardpaymentservices.com/norway_/Pages/Dev/paymentclaims.aspx); the sample files, taken from a
     * Python library's tests, use LF, and the readers take either.
     */
    static final String RECORD_END = "\r\n";

    private ClaimFileWriter() {
    }

    /**
     * The file, ISO-8859-1, every record 80 characters.
     *
     * @param today the day the file is made, for the due-date rules
     * @throws no.kraft.cis.rule.ValidationFailedException naming each field that cannot go into the file
     */
    public static byte[] write(ClaimFile file, LocalDate today) {
        ClaimFileValidation.check(file, today);
        StringBuilder out = new StringBuilder();
        for (String record : records(file)) {
            out.append(record).append(RECORD_END);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> records(ClaimFile file) {
        List<String> records = new ArrayList<>();
        add(records, "NY000010" + file.dataSender() + digits(file.transmissionNumber(), 7) + NETS + zeros(49));
        ControlTotals all = ControlTotals.NONE;
        for (ClaimFile.Assignment assignment : file.assignments()) {
            int before = records.size();
            String type = assignment.type().code();
            add(records, "NY21" + type + "20" + zeros(9) + digits(assignment.assignmentNumber(), 7)
                    + assignment.payeeAccount() + zeros(45));
            for (Claim claim : assignment.claims()) {
                claim(records, assignment.type(), claim);
            }
            ControlTotals totals = ControlTotals.of(assignment.claims());
            int recordCount = records.size() - before + 1;
            add(records, "NY21" + type + "88" + digits(totals.transactions(), 8) + digits(recordCount, 8)
                    + digits(totals.sumInOre(), 17) + date(totals.firstDueDate()) + date(totals.lastDueDate())
                    + zeros(27));
            all = all.plus(totals);
        }
        add(records, "NY000089" + digits(all.transactions(), 8) + digits(records.size() + 1, 8)
                + digits(all.sumInOre(), 17) + date(all.firstDueDate()) + zeros(33));
        return records;
    }

    private static void claim(List<String> records, ClaimFile.AssignmentType assignmentType, Claim claim) {
        String type = transactionType(assignmentType, claim);
        String number = digits(claim.transactionNumber(), 7);
        // 9–15 transaction number, 16–21 due date, 22–32 blank, 33–49 amount in øre, 50–74 KID right-aligned, zeros
        add(records, "NY21" + type + "30" + number + date(claim.dueDate()) + " ".repeat(11)
                + digits(claim.amountInOre(), 17) + rightAligned(claim.kid().value(), 25)
                + zeros(6));
        // 9–15 transaction number, 16–25 short name, 26–50 blank, 51–75 external reference, zeros
        add(records, "NY21" + type + "31" + number + text(claim.payerShortName(), 10) + " ".repeat(25)
                + text(claim.externalReference(), 25) + zeros(5));
        if (type.equals("21")) {
            List<String> lines = claim.bankNotice().lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = text(lines.get(i), BankNotice.LINE_LENGTH);
                // 9–15 transaction number, 16 "4" (notice), 17–19 line, 20 column, 21–60 text, zeros
                for (int column = 1; column <= 2; column++) {
                    add(records, "NY212149" + number + "4" + digits(i + 1, 3) + column
                            + line.substring((column - 1) * 40, column * 40) + zeros(20));
                }
            }
        }
    }

    static String transactionType(ClaimFile.AssignmentType assignmentType, Claim claim) {
        if (assignmentType == ClaimFile.AssignmentType.DELETIONS) {
            return "93";
        }
        return claim.bankNotice() == null ? "02" : "21";
    }

    private static void add(List<String> records, String record) {
        records.add(NetsRecord.requireRecord(record));
    }
}
